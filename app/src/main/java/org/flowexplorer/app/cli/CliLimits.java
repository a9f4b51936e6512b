package org.flowexplorer.app.cli;

import org.flowexplorer.model.Limits;

/**
 * Sizes the command line accepts, checked before anything is allocated, in {@code long} so that no
 * product overflows (widths of 46 341 used to wrap to a negative array size). The values are the
 * model's documented limits ({@link Limits}, docs/reliability.md), the same for files, the app and
 * the CLI, so every file the CLI writes can be read back; here they become usage errors that name
 * the option.
 */
final class CliLimits {
    /** Points generated, sampled or drawn per command. */
    static final int MAX_POINTS = Limits.MAX_POINTS;
    static final int MAX_LAYERS = Limits.MAX_LAYERS;
    /** Hidden layers of one coupling's MLP. */
    static final int MAX_HIDDEN_LAYERS = Limits.MAX_HIDDEN_LAYERS;
    static final int MAX_WIDTH = Limits.MAX_HIDDEN_WIDTH;
    /** Parameters of a model: 80 MB of float32 values, 320 MB with gradients and Adam's moments. */
    static final long MAX_PARAMETERS = Limits.MAX_PARAMETERS;

    private CliLimits() {
    }

    /** A usage error unless {@code 1 <= n <= MAX_POINTS}. */
    static void requirePoints(CliCommand cmd, String option, long n) {
        if (n < 1 || n > MAX_POINTS) {
            throw cmd.usage(option + " must be between 1 and " + MAX_POINTS + " points, got " + n);
        }
    }

    /**
     * A usage error unless the architecture is positive and within the layer and parameter limits
     * (a 2-D flow: each coupling's MLP maps 1 coordinate to the coupling's outputs for the other).
     */
    static void requireArchitecture(CliCommand cmd, int layers, int[] hidden, int outputsPerTransformed) {
        if (layers < 1 || layers > MAX_LAYERS) {
            throw cmd.usage("--layers must be between 1 and " + MAX_LAYERS + ", got " + layers);
        }
        if (hidden.length == 0 || hidden.length > MAX_HIDDEN_LAYERS) {
            throw cmd.usage("--hidden needs 1 to " + MAX_HIDDEN_LAYERS + " widths, got " + hidden.length);
        }
        for (int h : hidden) {
            if (h < 1) {
                throw cmd.usage("--hidden widths must be positive integers, got " + joined(hidden));
            }
        }
        long parameters = layers * Limits.conditionerParameters(1, hidden, outputsPerTransformed);
        if (parameters > MAX_PARAMETERS) {
            throw cmd.usage("--layers " + layers + " --hidden " + joined(hidden) + " would have " + parameters
                    + " parameters, more than the limit of " + MAX_PARAMETERS + "; use smaller widths or fewer layers");
        }
        for (int h : hidden) {
            if (h > MAX_WIDTH) {
                throw cmd.usage("--hidden widths must be at most " + MAX_WIDTH + ", got " + joined(hidden));
            }
        }
    }


    static String joined(int[] a) {
        return java.util.Arrays.toString(a).replaceAll("[\\[\\] ]", "");
    }
}
