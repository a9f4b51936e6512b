package org.flowexplorer.app.chart;

/**
 * Reduces a long (step, value) series to at most four vertices per pixel column — first, min, max
 * and last, in their original order — so a polyline through the result looks exactly like one
 * through all points (every spike survives) while drawing 100 000 steps stays cheap.
 */
public final class MinMaxDownsampler {
    private MinMaxDownsampler() {
    }

    /** The reduced series: {@code length} valid entries in {@code x} and {@code y}. */
    public record Result(double[] x, double[] y, int length) {
    }

    /**
     * @param steps   ascending x values (only the first {@code count} are used)
     * @param values  y values, NaN entries are skipped
     * @param x0,x1   x range mapped onto {@code columns} pixel columns; points left or right of it
     *                are reduced as if they formed one extra column on that side
     */
    public static Result downsample(int[] steps, float[] values, int count, double x0, double x1, int columns) {
        double[] ox = new double[Math.min(count, 4 * columns + 8)];
        double[] oy = new double[ox.length];
        if (count <= ox.length) {
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (!Float.isNaN(values[i])) {
                    ox[n] = steps[i];
                    oy[n++] = values[i];
                }
            }
            return new Result(ox, oy, n);
        }
        double perColumn = columns / Math.max(1e-12, x1 - x0);
        int n = 0;
        int i = 0;
        while (i < count) {
            long col = column(steps[i], x0, perColumn, columns);
            int first = -1;
            int min = -1;
            int max = -1;
            int last = -1;
            int j = i;
            while (j < count && column(steps[j], x0, perColumn, columns) == col) {
                float v = values[j];
                if (!Float.isNaN(v)) {
                    if (first < 0) {
                        first = j;
                        min = j;
                        max = j;
                    }
                    if (v < values[min]) {
                        min = j;
                    }
                    if (v > values[max]) {
                        max = j;
                    }
                    last = j;
                }
                j++;
            }
            if (first >= 0) {
                int a = Math.min(min, max);
                int b = Math.max(min, max);
                int[] picks = {first, a, b, last};
                int prev = -1;
                for (int p : picks) {
                    if (p != prev) {
                        if (n == ox.length) {
                            ox = java.util.Arrays.copyOf(ox, n * 2);
                            oy = java.util.Arrays.copyOf(oy, n * 2);
                        }
                        ox[n] = steps[p];
                        oy[n++] = values[p];
                        prev = p;
                    }
                }
            }
            i = j;
        }
        return new Result(ox, oy, n);
    }

    /** Pixel column of x; everything left of the range shares column -1, right of it {@code columns}. */
    private static long column(double x, double x0, double perColumn, int columns) {
        double c = Math.floor((x - x0) * perColumn);
        return (long) Math.max(-1, Math.min(columns, c));
    }
}
