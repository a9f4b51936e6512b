package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NdArrayTest {

    @Test
    void shapeMustMatchDataLength() {
        assertThrows(IllegalArgumentException.class, () -> NdArray.ofFloats(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> NdArray.ofDoubles(new double[0], -1, 0));
        assertThrows(IllegalArgumentException.class, () -> NdArray.ofFloats(new float[2])); // 0-d holds one value
    }

    @Test
    void scalarsAndEmptyArrays() {
        NdArray scalar = NdArray.ofDoubles(new double[] {2.5});
        assertEquals(0, scalar.ndim());
        assertEquals(1, scalar.size());
        assertArrayEquals(new long[0], scalar.shape());

        NdArray empty = NdArray.ofFloats(new float[0], 0, 2);
        assertEquals(0, empty.size());
        assertArrayEquals(new long[] {0, 2}, empty.shape());
        assertArrayEquals(new int[] {0, 2}, empty.intShape());
    }

    @Test
    void inputsAndOutputsAreCopies() {
        float[] data = {1, 2, 3, 4};
        int[] shape = {2, 2};
        NdArray a = NdArray.ofFloats(data, shape);
        data[0] = 99;
        shape[0] = 4;
        a.toFloats()[1] = 99;
        a.intShape()[1] = 7;
        assertArrayEquals(new float[] {1, 2, 3, 4}, a.toFloats());
        assertArrayEquals(new int[] {2, 2}, a.intShape());
    }

    @Test
    void conversionsBetweenTypes() {
        NdArray bytes = NdArray.ofUnsignedBytes(new byte[] {0, 1, (byte) 0xFF}, 3);
        assertEquals(NdType.UINT8, bytes.dtype());
        assertArrayEquals(new long[] {0, 1, 255}, bytes.toLongs());
        assertArrayEquals(new float[] {0, 1, 255}, bytes.toFloats());

        NdArray bools = NdArray.ofBooleans(new boolean[] {true, false}, 2);
        assertArrayEquals(new double[] {1, 0}, bools.toDoubles());
        assertArrayEquals(new long[] {1, 0}, bools.toLongs());

        NdArray ints = NdArray.ofInts(new int[] {Integer.MIN_VALUE, 5}, 2);
        assertEquals(NdType.INT32, ints.dtype());
        assertArrayEquals(new long[] {Integer.MIN_VALUE, 5}, ints.toLongs());

        // float32 -> double is exact, double -> float rounds to nearest
        assertArrayEquals(new double[] {0.1f}, NdArray.ofFloats(new float[] {0.1f}, 1).toDoubles());
        assertArrayEquals(new float[] {0.1f}, NdArray.ofDoubles(new double[] {0.1}, 1).toFloats());

        assertThrows(IllegalStateException.class, () -> NdArray.ofFloats(new float[] {1.5f}).toLongs());
        assertThrows(IllegalStateException.class, () -> ints.toBooleans());
    }

    @Test
    void equalityIsBitExact() {
        assertNotEquals(NdArray.ofFloats(new float[] {0.0f}, 1), NdArray.ofFloats(new float[] {-0.0f}, 1));
        assertEquals(NdArray.ofFloats(new float[] {Float.NaN}, 1), NdArray.ofFloats(new float[] {Float.NaN}, 1));
        assertNotEquals(NdArray.ofFloats(new float[] {Float.NaN}, 1),
                NdArray.ofFloats(new float[] {Float.intBitsToFloat(0x7FC00001)}, 1));
        assertNotEquals(NdArray.ofFloats(new float[] {1, 2}, 2), NdArray.ofFloats(new float[] {1, 2}, 1, 2));
        assertNotEquals(NdArray.ofFloats(new float[] {1}, 1), NdArray.ofDoubles(new double[] {1}, 1));
        NdArray a = NdArray.ofDoubles(new double[] {Double.NaN, -0.0}, 2);
        NdArray b = NdArray.ofDoubles(new double[] {Double.NaN, -0.0}, 2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }
}
