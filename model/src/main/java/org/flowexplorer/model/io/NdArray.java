package org.flowexplorer.model.io;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Immutable, plain-Java n-dimensional array used at the file boundary ({@code .npy}/{@code .npz},
 * model files), independent of ND4J so that reading and writing never needs the native backend.
 *
 * <p>Data is row-major (C order). Storage keeps every value exactly: {@code float[]} for
 * {@link NdType#FLOAT32} (bit-exact, no detour through double), {@code double[]} for
 * {@link NdType#FLOAT64}, {@code long[]} for the integer types and {@code boolean[]} for
 * {@link NdType#BOOL}. A shape of length 0 is a 0-d scalar holding one element.
 *
 * <p>All factories and accessors copy, so instances can be shared freely.
 */
public final class NdArray {
    private final NdType dtype;
    private final int[] shape;
    /** float[], double[], long[] or boolean[] depending on {@link #dtype}; never exposed. */
    private final Object data;

    private NdArray(NdType dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    // ---------------------------------------------------------------- factories

    /** FLOAT32 array; {@code shape} empty means a 0-d scalar. */
    public static NdArray ofFloats(float[] data, int... shape) {
        return wrap(NdType.FLOAT32, shape.clone(), data.clone());
    }

    /** FLOAT64 array. */
    public static NdArray ofDoubles(double[] data, int... shape) {
        return wrap(NdType.FLOAT64, shape.clone(), data.clone());
    }

    /** INT32 array. */
    public static NdArray ofInts(int[] data, int... shape) {
        return wrap(NdType.INT32, shape.clone(), Arrays.stream(data).asLongStream().toArray());
    }

    /** INT64 array. */
    public static NdArray ofLongs(long[] data, int... shape) {
        return wrap(NdType.INT64, shape.clone(), data.clone());
    }

    /** UINT8 array; each byte is read as unsigned (0..255). */
    public static NdArray ofUnsignedBytes(byte[] data, int... shape) {
        long[] values = new long[data.length];
        for (int i = 0; i < data.length; i++) {
            values[i] = data[i] & 0xFF;
        }
        return wrap(NdType.UINT8, shape.clone(), values);
    }

    /** BOOL array. */
    public static NdArray ofBooleans(boolean[] data, int... shape) {
        return wrap(NdType.BOOL, shape.clone(), data.clone());
    }

    /**
     * Takes ownership of {@code shape} and {@code data} without copying; used by the readers,
     * which build fresh arrays. {@code data} must be the storage class for {@code dtype}, with
     * integer values already in the type's range.
     */
    static NdArray wrap(NdType dtype, int[] shape, Object data) {
        long expected = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            expected = Math.multiplyExact(expected, d);
        }
        int length = java.lang.reflect.Array.getLength(data);
        if (length != expected) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + expected
                    + " elements but data has " + length);
        }
        Class<?> storage = switch (dtype) {
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
            case INT32, INT64, UINT8 -> long[].class;
            case BOOL -> boolean[].class;
        };
        if (data.getClass() != storage) {
            throw new IllegalArgumentException(dtype + " needs " + storage.getSimpleName() + " storage");
        }
        return new NdArray(dtype, shape, data);
    }

    // ---------------------------------------------------------------- shape and type

    public NdType dtype() {
        return dtype;
    }

    /** Shape as {@code long[]} (NumPy's view); empty for a 0-d scalar. */
    public long[] shape() {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    /** Shape as {@code int[]}; Java arrays cannot exceed int-sized dimensions anyway. */
    public int[] intShape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** Number of elements (1 for a 0-d scalar, 0 if any dimension is 0). */
    public long size() {
        return java.lang.reflect.Array.getLength(data);
    }

    // ---------------------------------------------------------------- data accessors

    /** Values as float, for any dtype (FLOAT64/INT64 round to nearest float; BOOL gives 0/1). */
    public float[] toFloats() {
        if (data instanceof float[] f) {
            return f.clone();
        }
        int n = (int) size();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) doubleAt(i);
        }
        return out;
    }

    /** Values as double, for any dtype (exact except INT64 magnitudes above 2^53). */
    public double[] toDoubles() {
        if (data instanceof double[] d) {
            return d.clone();
        }
        return IntStream.range(0, (int) size()).mapToDouble(this::doubleAt).toArray();
    }

    /** Values as long, for integer and BOOL dtypes; floating-point arrays are refused, not truncated. */
    public long[] toLongs() {
        if (data instanceof long[] l) {
            return l.clone();
        }
        if (data instanceof boolean[] b) {
            long[] out = new long[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] ? 1 : 0;
            }
            return out;
        }
        throw new IllegalStateException("toLongs() on " + dtype + " array; use toDoubles()");
    }

    /** Values of a BOOL array. */
    public boolean[] toBooleans() {
        if (data instanceof boolean[] b) {
            return b.clone();
        }
        throw new IllegalStateException("toBooleans() on " + dtype + " array");
    }

    private double doubleAt(int i) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT32, INT64, UINT8 -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    /** Internal storage without copying, for the codecs in this package. Callers must not modify it. */
    Object storage() {
        return data;
    }

    // ---------------------------------------------------------------- value semantics

    /**
     * Equal when dtype, shape and every element's bits match: {@code -0.0 != 0.0}, and NaNs are
     * equal only with the same payload. This is the comparison a bit-exact round trip needs.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NdArray other) || dtype != other.dtype || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        if (data instanceof float[] a) {
            float[] b = (float[]) other.data;
            return IntStream.range(0, a.length).allMatch(i -> Float.floatToRawIntBits(a[i]) == Float.floatToRawIntBits(b[i]));
        }
        if (data instanceof double[] a) {
            double[] b = (double[]) other.data;
            return IntStream.range(0, a.length).allMatch(i -> Double.doubleToRawLongBits(a[i]) == Double.doubleToRawLongBits(b[i]));
        }
        if (data instanceof long[] a) {
            return Arrays.equals(a, (long[]) other.data);
        }
        return Arrays.equals((boolean[]) data, (boolean[]) other.data);
    }

    @Override
    public int hashCode() {
        int h = 31 * dtype.hashCode() + Arrays.hashCode(shape);
        // Float/Double Arrays.hashCode use canonical NaN bits; equal-by-raw-bits arrays still hash equal.
        if (data instanceof float[] a) {
            return 31 * h + Arrays.hashCode(a);
        }
        if (data instanceof double[] a) {
            return 31 * h + Arrays.hashCode(a);
        }
        if (data instanceof long[] a) {
            return 31 * h + Arrays.hashCode(a);
        }
        return 31 * h + Arrays.hashCode((boolean[]) data);
    }

    @Override
    public String toString() {
        return "NdArray[" + dtype + ", shape=" + Arrays.toString(shape) + "]";
    }
}
