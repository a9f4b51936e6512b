package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the archives numpy wrote (src/test/resources/io/make_npz_fixtures.py) and checks every
 * dtype, shape and value bit for bit. The expected values are written out independently here.
 */
class NpzFixtureTest {

    static Map<String, NdArray> expected() {
        float nan32 = Float.intBitsToFloat(0x7FC00000);
        float nanPayload = Float.intBitsToFloat(0x7FC00001);
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("layers.0.weight", NdArray.ofFloats(new float[] {
            0.1f, -0.0f, Float.MIN_VALUE,
            nan32, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            nanPayload, Float.MAX_VALUE, -1.5f}, 3, 3));
        m.put("layers.0.bias", NdArray.ofDoubles(new double[] {
            0.1, -0.0, Double.MIN_VALUE, Double.longBitsToDouble(0x7FF8000000000000L),
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0 / 3.0}, 7));
        m.put("int64", NdArray.ofLongs(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 4));
        m.put("int32", NdArray.ofInts(new int[] {Integer.MIN_VALUE, 7, 0, Integer.MAX_VALUE}, 2, 2));
        m.put("int16", NdArray.ofInts(new int[] {-32768, -1, 32767}, 3));
        m.put("uint8", NdArray.ofUnsignedBytes(new byte[] {0, 1, (byte) 255}, 3));
        m.put("mask", NdArray.ofBooleans(new boolean[] {true, false, true, false, true, false}, 2, 3));
        m.put("scalar", NdArray.ofDoubles(new double[] {2.5}));
        m.put("step", NdArray.ofLongs(new long[] {42}));
        m.put("fortran", NdArray.ofFloats(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
        m.put("fortran3d", NdArray.ofLongs(LongStream.range(0, 24).toArray(), 2, 3, 4));
        m.put("big_endian", NdArray.ofFloats(new float[] {
            1.5f, -0.0f, Float.MIN_VALUE, nan32, Float.NEGATIVE_INFINITY}, 5));
        m.put("big_endian_i8", NdArray.ofLongs(new long[] {1, -2, 1L << 40}, 3));
        m.put("empty", NdArray.ofFloats(new float[0], 0, 2));
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures_stored.npz", "fixtures_compressed.npz"})
    void readsEveryArrayExactly(String name) throws IOException {
        LinkedHashMap<String, NdArray> actual = Npz.read(Fixtures.path(name));
        Map<String, NdArray> expected = expected();
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "keys in archive order");
        for (String key : expected.keySet()) {
            NdArray e = expected.get(key);
            NdArray a = actual.get(key);
            assertEquals(e.dtype(), a.dtype(), key);
            assertArrayEquals(e.shape(), a.shape(), key);
            assertEquals(e, a, key); // bit-exact element comparison
        }
        // spelled out for the headline case, independent of NdArray.equals
        int[] bits = new int[9];
        float[] w = actual.get("layers.0.weight").toFloats();
        for (int i = 0; i < 9; i++) {
            bits[i] = Float.floatToRawIntBits(w[i]);
        }
        assertArrayEquals(new int[] {0x3DCCCCCD, 0x80000000, 0x00000001, 0x7FC00000, 0x7F800000, 0xFF800000,
            0x7FC00001, 0x7F7FFFFF, 0xBFC00000}, bits);
    }

    /**
     * numpy opens every entry with force_zip64=True, so each local header carries a ZIP64 extra
     * field (id 0x0001) and reading the fixtures exercises that path. (Python also fills in the
     * 32-bit sizes for small entries; archives over 4 GiB are not reproduced in a unit test.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"fixtures_stored.npz", "fixtures_compressed.npz"})
    void fixturesReallyUseZip64Entries(String name) throws IOException {
        ByteBuffer zip = ByteBuffer.wrap(Files.readAllBytes(Fixtures.path(name))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x04034b50, zip.getInt(0), "local file header");
        int nameLength = Short.toUnsignedInt(zip.getShort(26));
        assertEquals(0x0001, zip.getShort(30 + nameLength), "ZIP64 extra field id");
    }
}
