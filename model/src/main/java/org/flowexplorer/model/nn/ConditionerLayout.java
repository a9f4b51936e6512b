package org.flowexplorer.model.nn;

import java.util.Arrays;

/**
 * Shape and parameter layout of an MLP conditioner
 * {@code Linear(n0,n1) → ReLU → … → Linear(n_{k-1}, n_k)} (no activation after the last Linear).
 * Parameters are laid out as in PyTorch's {@code nn.Sequential.parameters()}: for each Linear its
 * weight [out, in] (row-major), then its bias [out].
 */
public final class ConditionerLayout {
    private final int[] sizes;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int parameterCount;

    /** @param sizes n0 (inputs), hidden widths…, n_k (outputs) */
    public ConditionerLayout(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a conditioner needs at least an input and an output size");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        int linears = sizes.length - 1;
        weightOffsets = new int[linears];
        biasOffsets = new int[linears];
        int off = 0;
        for (int i = 0; i < linears; i++) {
            weightOffsets[i] = off;
            off += sizes[i + 1] * sizes[i];
            biasOffsets[i] = off;
            off += sizes[i + 1];
        }
        parameterCount = off;
    }

    public int linearCount() {
        return sizes.length - 1;
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** Width of the values entering Linear {@code i}. */
    public int in(int i) {
        return sizes[i];
    }

    /** Width of the values leaving Linear {@code i}. */
    public int out(int i) {
        return sizes[i + 1];
    }

    public int weightOffset(int i) {
        return weightOffsets[i];
    }

    public int biasOffset(int i) {
        return biasOffsets[i];
    }

    public int parameterCount() {
        return parameterCount;
    }

    public int maxWidth() {
        return Arrays.stream(sizes).max().orElse(0);
    }
}
