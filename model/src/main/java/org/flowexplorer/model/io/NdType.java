package org.flowexplorer.model.io;

/**
 * Element types an {@link NdArray} can hold, with the little-endian NumPy {@code descr} string
 * used when writing {@code .npy} data.
 *
 * <p>The set is deliberately small: it covers what a PyTorch {@code state_dict} of a RealNVP flow
 * contains (float weights, integer/bool masks and counters). When reading, narrower NumPy integer
 * types are widened to the nearest member (see {@link Npy}).
 */
public enum NdType {
    FLOAT32("<f4"),
    FLOAT64("<f8"),
    INT32("<i4"),
    INT64("<i8"),
    BOOL("|b1"),
    UINT8("|u1");

    private final String descr;

    NdType(String descr) {
        this.descr = descr;
    }

    /** NumPy dtype string written for this type, e.g. {@code "<f4"}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element in the {@code .npy} encoding. */
    public int itemSize() {
        return descr.charAt(2) - '0'; // the size digit of the dtype string: '<f8' -> 8
    }

    /** True for the two floating-point types. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }
}
