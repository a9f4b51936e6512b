package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    private static final NdArray FLOATS = NdArray.ofFloats(new float[] {0.1f, -0.0f, 1e-45f, Float.NaN, 1f, 2f}, 2, 3);

    static List<NdArray> samples() {
        return List.of(
                FLOATS,
                NdArray.ofDoubles(new double[] {0.1, -0.0, Double.MIN_VALUE, Double.NEGATIVE_INFINITY}, 4),
                NdArray.ofInts(new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 1, 2),
                NdArray.ofLongs(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2),
                NdArray.ofUnsignedBytes(new byte[] {0, 127, (byte) 200}, 3),
                NdArray.ofBooleans(new boolean[] {true, false, true, true}, 2, 2),
                NdArray.ofDoubles(new double[] {2.5}),
                NdArray.ofFloats(new float[0], 0, 2));
    }

    @Test
    void roundTripIsBitExactForEveryType() throws IOException {
        for (NdArray a : samples()) {
            byte[] npy = Npy.write(a);
            assertEquals(0, headerEnd(npy) % 64, () -> "data not 64-byte aligned for " + a);
            assertEquals(a, Npy.read(npy), a::toString);
            assertEquals(a, Npy.read(new ByteArrayInputStream(npy)), a::toString);
        }
    }

    /** Our writer must produce exactly the bytes numpy 1.24's np.save produced for the fixtures. */
    @Test
    void writerMatchesNumpyByteForByte() throws IOException {
        List<String> nativeEntries = List.of("layers.0.weight", "layers.0.bias", "int64", "int32", "uint8",
                "mask", "scalar", "step", "empty");
        try (ZipFile zip = new ZipFile(Fixtures.path("fixtures_stored.npz").toFile())) {
            for (String key : nativeEntries) {
                byte[] numpyBytes;
                try (InputStream in = zip.getInputStream(zip.getEntry(key + ".npy"))) {
                    numpyBytes = in.readAllBytes();
                }
                byte[] ours = Npy.write(Npy.read(numpyBytes, key));
                assertEquals(new String(numpyBytes, 0, headerEnd(numpyBytes), StandardCharsets.ISO_8859_1),
                        new String(ours, 0, headerEnd(ours), StandardCharsets.ISO_8859_1), key);
                assertArrayEquals(numpyBytes, ours, key);
            }
        }
    }

    @Test
    void readsVersion2And3Headers() throws IOException {
        byte[] v1 = Npy.write(FLOATS);
        int headerLength = headerEnd(v1) - 10;
        for (int major : new int[] {2, 3}) {
            ByteBuffer b = ByteBuffer.allocate(v1.length + 2).order(ByteOrder.LITTLE_ENDIAN);
            b.put(v1, 0, 6).put((byte) major).put((byte) 0).putInt(headerLength);
            b.put(v1, 10, v1.length - 10);
            assertEquals(FLOATS, Npy.read(b.array()), "version " + major);
        }
    }

    @Test
    void hugeHeaderSwitchesToVersion2() throws IOException {
        int[] shape = new int[22_000]; // header text > 65535 characters
        Arrays.fill(shape, 1);
        NdArray a = NdArray.ofFloats(new float[] {7f}, shape);
        byte[] npy = Npy.write(a);
        assertEquals(2, npy[6]);
        assertEquals(0, headerEnd(npy) % 64);
        assertEquals(a, Npy.read(npy));
    }

    @Test
    void readsFortranOrderIntoCOrder() throws IOException {
        // 2x3 matrix [[0,1,2],[3,4,5]] stored column by column
        byte[] npy = withHeader("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
                int32le(0, 3, 1, 4, 2, 5));
        NdArray a = Npy.read(npy);
        assertArrayEquals(new int[] {2, 3}, a.intShape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, a.toLongs());
    }

    @Test
    void widensNarrowAndUnsignedIntegers() throws IOException {
        NdArray u4 = Npy.read(withHeader("{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }",
                new byte[] {-1, -1, -1, -1}));
        assertEquals(NdType.INT64, u4.dtype());
        assertArrayEquals(new long[] {0xFFFFFFFFL}, u4.toLongs());
        NdArray i1 = Npy.read(withHeader("{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }",
                new byte[] {-128, 127}));
        assertEquals(NdType.INT32, i1.dtype());
        assertArrayEquals(new long[] {-128, 127}, i1.toLongs());
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(withHeader(
                "{'descr': '<u8', 'fortran_order': False, 'shape': (1,), }",
                new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}), "big.npy"));
        assertEquals("big.npy: uint64 value at index 0 exceeds the int64 range", e.getMessage());
    }

    @Test
    void unsupportedDtypeNamesSourceAndDtype() {
        byte[] npy = withHeader("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(npy, "layers.0.mask.npy"));
        assertEquals("layers.0.mask.npy: unsupported dtype '<c8'", e.getMessage());
    }

    @Test
    void everyTruncationIsAClearError() {
        byte[] npy = Npy.write(FLOATS);
        for (int length = 0; length < npy.length; length++) {
            byte[] cut = Arrays.copyOf(npy, length);
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(cut, "w.npy"),
                    "length " + length);
            assertTrue(e.getMessage().startsWith("w.npy: truncated"), e.getMessage());
        }
    }

    @Test
    void badMagic() {
        byte[] npy = Npy.write(FLOATS);
        npy[1] = 'X';
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(npy, "a.npy"));
        assertEquals("a.npy: not an .npy file (bad magic)", e.getMessage());
        assertThrows(NpyFormatException.class, () -> Npy.read("PK\3\4".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void unknownVersion() {
        byte[] npy = Npy.write(FLOATS);
        npy[6] = 4;
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(npy, "a.npy"));
        assertEquals("a.npy: unsupported .npy format version 4.0", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (6,), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (6,), ",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (-6,), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999,), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (6,), } trailing",
        "{'descr': '<f4', 'fortran_order': False, }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (6,), 'extra': 1, }",
        "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (6,), }",
        "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (6,), }",
        "{'descr': 7, 'fortran_order': False, 'shape': (6,), }",
        "{'descr': '<f4, 'fortran_order': False, 'shape': (6,), }",
        "{'descr': 'f4', 'fortran_order': False, 'shape': (6,), }",
        "{'descr': '<f0', 'fortran_order': False, 'shape': (6,), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536, 65536, 65536), }",
    })
    void headerGarbageIsAClearError(String header) {
        byte[] npy = withHeader(header, new byte[24]);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(npy, "h.npy"));
        assertTrue(e.getMessage().startsWith("h.npy: "), e.getMessage());
    }

    @Test
    void wrongDataLength() {
        byte[] npy = Npy.write(FLOATS);
        byte[] longer = Arrays.copyOf(npy, npy.length + 1);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(longer, "w.npy"));
        assertEquals("w.npy: wrong data length: shape [2, 3] of '<f4' needs 24 bytes but 25 follow the header",
                e.getMessage());
    }

    @Test
    void headerLengthBeyondEndOfFile() {
        byte[] npy = Npy.write(FLOATS);
        npy[8] = (byte) 0xFF;
        npy[9] = (byte) 0xFF;
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(npy, "w.npy"));
        assertTrue(e.getMessage().startsWith("w.npy: truncated file: header needs 65535 bytes"), e.getMessage());
    }

    /** Random corruption must only ever produce a result or an NpyFormatException. */
    @Test
    void fuzzedInputNeverThrowsRuntimeExceptions() {
        Random random = new Random(42);
        List<byte[]> seeds = samples().stream().map(Npy::write).toList();
        for (int i = 0; i < 5000; i++) {
            byte[] npy = seeds.get(i % seeds.size()).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                npy[random.nextInt(Math.min(npy.length, 140))] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                npy = Arrays.copyOf(npy, random.nextInt(npy.length + 1));
            }
            try {
                Npy.read(npy, "fuzz");
            } catch (NpyFormatException expected) {
                assertTrue(expected.getMessage().startsWith("fuzz: "));
            } catch (RuntimeException e) {
                fail("iteration " + i + " threw " + e, e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Offset of the first data byte of a version 1 or 2 file. */
    static int headerEnd(byte[] npy) {
        ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        return npy[6] == 1 ? 10 + Short.toUnsignedInt(b.getShort(8)) : 12 + b.getInt(8);
    }

    /** A version 1.0 file with the given header text (padded to 64) followed by {@code data}. */
    static byte[] withHeader(String header, byte[] data) {
        StringBuilder text = new StringBuilder(header);
        while ((10 + text.length() + 1) % 64 != 0) {
            text.append(' ');
        }
        text.append('\n');
        byte[] h = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length);
        return b.put(h).put(data).array();
    }

    private static byte[] int32le(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
