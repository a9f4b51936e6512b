package org.flowexplorer.model.data;

import java.util.Arrays;

/**
 * Summary statistics of a 2-D sample and their standard errors, computed exactly as
 * {@code src/test/resources/data/make_toy_stats.py} computes them for the Python reference, so
 * the two can be compared statistic by statistic.
 */
final class SampleStats {
    static final double[] QUANTILE_LEVELS = {0.05, 0.25, 0.50, 0.75, 0.95};

    final int n;
    final double[] mean = new double[2];
    final double[] meanSe = new double[2];
    /** Population covariance entries xx, xy, yy. */
    final double[] cov = new double[3];
    final double[] covSe = new double[3];
    final double meanRadius;
    final double meanRadiusSe;
    final double[][] quantiles = new double[2][];
    final double[][] quantilesSe = new double[2][];

    SampleStats(float[] xy) {
        n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            mean[0] += xy[2 * i];
            mean[1] += xy[2 * i + 1];
        }
        mean[0] /= n;
        mean[1] /= n;
        double[][] products = new double[3][n];
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) {
            double cx = xy[2 * i] - mean[0];
            double cy = xy[2 * i + 1] - mean[1];
            products[0][i] = cx * cx;
            products[1][i] = cx * cy;
            products[2][i] = cy * cy;
            radius[i] = Math.hypot(xy[2 * i], xy[2 * i + 1]);
        }
        meanSe[0] = Math.sqrt(meanOf(products[0]) / n);
        meanSe[1] = Math.sqrt(meanOf(products[2]) / n);
        for (int k = 0; k < 3; k++) {
            cov[k] = meanOf(products[k]);
            covSe[k] = stdOf(products[k]) / Math.sqrt(n);
        }
        meanRadius = meanOf(radius);
        meanRadiusSe = stdOf(radius) / Math.sqrt(n);
        for (int axis = 0; axis < 2; axis++) {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = xy[2 * i + axis];
            }
            Arrays.sort(sorted);
            quantiles[axis] = new double[QUANTILE_LEVELS.length];
            quantilesSe[axis] = new double[QUANTILE_LEVELS.length];
            for (int q = 0; q < QUANTILE_LEVELS.length; q++) {
                quantiles[axis][q] = quantile(sorted, QUANTILE_LEVELS[q]);
                quantilesSe[axis][q] = quantileSe(sorted, QUANTILE_LEVELS[q]);
            }
        }
    }

    /** numpy.quantile's default ("linear", Hyndman-Fan type 7) on a sorted array. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Half the spread between the order statistics at ranks n q -/+ sqrt(n q (1-q)): about one
     * standard error of the q-quantile, without assuming a density.
     */
    static double quantileSe(double[] sorted, double q) {
        int n = sorted.length;
        double d = Math.sqrt(n * q * (1 - q));
        int lo = (int) Math.max(0, Math.floor(n * q - d));
        int hi = (int) Math.min(n - 1, Math.ceil(n * q + d));
        return (sorted[hi] - sorted[lo]) / 2;
    }

    /** Point counts on a bins x bins grid over [lo, hi)^2, outside points clamped to edge cells; [y][x]. */
    static int[][] grid(float[] xy, double lo, double hi, int bins) {
        int[][] counts = new int[bins][bins];
        double width = (hi - lo) / bins;
        for (int i = 0; i < xy.length; i += 2) {
            int cx = clamp((int) Math.floor((xy[i] - lo) / width), bins);
            int cy = clamp((int) Math.floor((xy[i + 1] - lo) / width), bins);
            counts[cy][cx]++;
        }
        return counts;
    }

    private static int clamp(int cell, int bins) {
        return Math.max(0, Math.min(bins - 1, cell));
    }

    private static double meanOf(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double stdOf(double[] v) {
        double m = meanOf(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }
}
