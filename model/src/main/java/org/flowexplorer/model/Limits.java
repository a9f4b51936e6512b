package org.flowexplorer.model;

/**
 * The documented size limits of everything Flow Explorer reads or builds, in one place. Every
 * reader (CSV, sessions, model files, {@code .npz}) and the CLI check sizes against these, in
 * {@code long} arithmetic, <em>before</em> allocating: a hostile or damaged file is refused with
 * one line instead of an {@link OutOfMemoryError} or an overflowed array size.
 *
 * <p>The app's settings form is stricter (see its own limits); these are the outer bounds for files.
 */
public final class Limits {
    /** Points in any data set: CSV import, a session's data, generated or sampled point sets. */
    public static final int MAX_POINTS = 1_000_000;
    /** Dimension of a flow (the length of its masks). */
    public static final int MAX_DIMENSION = 1 << 10;
    /** Coupling layers of a flow. */
    public static final int MAX_LAYERS = 1 << 8;
    /** Hidden layers of one conditioner. */
    public static final int MAX_HIDDEN_LAYERS = 16;
    /** Width of one hidden layer. */
    public static final int MAX_HIDDEN_WIDTH = 1 << 12;
    /** Parameters of a whole flow (160 MB as float64; training keeps about four copies). */
    public static final long MAX_PARAMETERS = 20_000_000;
    /** Characters in one CSV line ({@code x,y} needs a few dozen). */
    public static final int MAX_CSV_LINE_CHARS = 4096;
    /** A JSON entry of an archive ({@code manifest.json}, {@code session/settings.json}). */
    public static final int MAX_JSON_BYTES = 1 << 20;
    /** The header of one {@code .npy} array (NumPy writes about 128 bytes). */
    public static final int MAX_NPY_HEADER_BYTES = 1 << 17;
    /** Rows of a stored loss curve. */
    public static final int MAX_HISTORY_ROWS = 4_000_000;
    /** Total array data of an {@code .npz} read without expected shapes. */
    public static final long MAX_NPZ_BYTES = 1L << 28;

    private Limits() {
    }

    /** @throws IllegalArgumentException "N points is over the limit of 1000000" */
    public static void requirePoints(long n) {
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException(n + " points is over the limit of " + MAX_POINTS);
        }
    }

    /**
     * Checks a flow's dimension, layer count, conditioner depth and widths (the parameter count is
     * {@code Architecture.requireWithinLimits}' part).
     *
     * @throws IllegalArgumentException with a one-line reason, e.g. "hidden width 100000 is over the limit of 4096"
     */
    public static void requireWithinLimits(long dim, long layers, int[] hidden) {
        if (dim > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension " + dim + " is over the limit of " + MAX_DIMENSION);
        }
        if (layers > MAX_LAYERS) {
            throw new IllegalArgumentException(layers + " layers is over the limit of " + MAX_LAYERS);
        }
        if (hidden.length > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException(hidden.length + " hidden layers is over the limit of " + MAX_HIDDEN_LAYERS);
        }
        for (int h : hidden) {
            if (h > MAX_HIDDEN_WIDTH) {
                throw new IllegalArgumentException("hidden width " + h + " is over the limit of " + MAX_HIDDEN_WIDTH);
            }
        }
    }

    /**
     * Weights and biases of one conditioner {@code inputs → hidden… → outputs} in {@code long}
     * (an {@code int} overflows for hidden [46341, 46341]).
     */
    public static long conditionerParameters(long inputs, int[] hidden, long outputs) {
        long in = inputs;
        long total = 0;
        for (int h : hidden) {
            total += in * h + h;
            in = h;
        }
        return total + in * outputs + outputs;
    }

    /** @throws IllegalArgumentException "N parameters is over the limit of 20000000" */
    public static void requireParameters(long count) {
        if (count > MAX_PARAMETERS) {
            throw new IllegalArgumentException(count + " parameters is over the limit of " + MAX_PARAMETERS);
        }
    }
}
