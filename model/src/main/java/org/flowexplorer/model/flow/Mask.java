package org.flowexplorer.model.flow;

import java.util.Arrays;

/**
 * A binary coupling mask over D coordinates. Value 1 (true) means the coordinate <em>conditions</em>:
 * it passes through unchanged and is fed to the conditioner network. Value 0 means the coordinate
 * is <em>transformed</em> (scaled and shifted). This matches the seed's {@code mask} buffer.
 */
public final class Mask {
    private final boolean[] conditioning;
    private final int[] conditioningIndices;
    private final int[] transformedIndices;

    private Mask(boolean[] conditioning) {
        this.conditioning = conditioning.clone();
        int dc = 0;
        for (boolean b : conditioning) {
            dc += b ? 1 : 0;
        }
        if (dc == 0 || dc == conditioning.length) {
            throw new IllegalArgumentException("a coupling mask needs at least one conditioning (1) and one transformed (0) coordinate, got "
                    + this);
        }
        conditioningIndices = new int[dc];
        transformedIndices = new int[conditioning.length - dc];
        int a = 0, b = 0;
        for (int i = 0; i < conditioning.length; i++) {
            if (conditioning[i]) {
                conditioningIndices[a++] = i;
            } else {
                transformedIndices[b++] = i;
            }
        }
    }

    /** An explicit mask; {@code true} = conditioning (1). */
    public static Mask of(boolean... conditioning) {
        return new Mask(conditioning);
    }

    /** From 0/1 values as stored in a state_dict; anything but 0 and 1 is rejected. */
    public static Mask fromValues(double... values) {
        boolean[] c = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0.0 && values[i] != 1.0) {
                throw new IllegalArgumentException("mask values must be 0 or 1, got " + values[i] + " at index " + i);
            }
            c[i] = values[i] == 1.0;
        }
        return new Mask(c);
    }

    /**
     * The seed's {@code alternating_mask(dim, i)}: even layers condition on the first half
     * (indices below dim/2), odd layers on the second half.
     */
    public static Mask alternating(int dim, int layerIndex) {
        if (dim < 2) {
            throw new IllegalArgumentException("alternating masks need dim >= 2, got " + dim);
        }
        boolean[] c = new boolean[dim];
        for (int i = 0; i < dim; i++) {
            c[i] = (layerIndex % 2 == 0) == (i < dim / 2);
        }
        return new Mask(c);
    }

    public int dim() {
        return conditioning.length;
    }

    public boolean[] values() {
        return conditioning.clone();
    }

    public int[] conditioningIndices() {
        return conditioningIndices.clone();
    }

    public int[] transformedIndices() {
        return transformedIndices.clone();
    }

    int[] conditioningIndicesView() {
        return conditioningIndices;
    }

    int[] transformedIndicesView() {
        return transformedIndices;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && Arrays.equals(conditioning, m.conditioning);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(conditioning);
    }

    /** E.g. {@code [1, 0]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < conditioning.length; i++) {
            sb.append(i > 0 ? ", " : "").append(conditioning[i] ? 1 : 0);
        }
        return sb.append(']').toString();
    }
}
