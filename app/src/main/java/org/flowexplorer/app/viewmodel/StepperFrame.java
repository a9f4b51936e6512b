package org.flowexplorer.app.viewmodel;

import java.util.Arrays;

/**
 * The layer stepper's picture at a continuous position p in [0, L]: the displayed points and the
 * warped grid blended linearly between layers ⌊p⌋ and ⌈p⌉, and matching plot bounds. The arrays
 * are new for each frame (views take ownership).
 *
 * @param points    the displayed points at p ([n, 2] row-major)
 * @param origins   the same points' data-space positions (layer 0 of the trace), e.g. to colour them
 * @param gridLines the warped data grid at p as polylines, null before the grid is computed
 * @param bounds    plot bounds blended between the two layers' bounds
 */
public record StepperFrame(float[] points, float[] origins, float[][] gridLines, PlotBounds bounds) {

    /** What the frames are blended from: one trace through every layer, and the grid's trace. */
    record Source(float[][] positions, PlotBounds[] layerBounds, float[][] grid, int lines, int perLine) {
        /** The picture at {@code position}. */
        StepperFrame at(double position) {
            int layers = positions.length - 1;
            double p = Math.max(0, Math.min(layers, position));
            int k = (int) Math.min(Math.floor(p), layers - 1);
            double f = p - k;
            return new StepperFrame(blend(positions, k, f), positions[0],
                    grid == null ? null : polylines(blend(grid, k, f), lines, perLine),
                    layerBounds[k].lerp(layerBounds[k + 1], f));
        }
    }

    /** (1−f)·layers[k] + f·layers[k+1], exact copies at f = 0 or 1. */
    static float[] blend(float[][] layers, int k, double f) {
        if (f == 0) {
            return layers[k].clone();
        }
        if (f == 1) {
            return layers[k + 1].clone();
        }
        float[] a = layers[k];
        float[] b = layers[k + 1];
        float[] out = new float[a.length];
        float ff = (float) f;
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] + ff * (b[i] - a[i]);
        }
        return out;
    }

    static float[][] polylines(float[] xy, int lines, int per) {
        float[][] out = new float[lines][];
        for (int i = 0; i < lines; i++) {
            out[i] = Arrays.copyOfRange(xy, 2 * i * per, 2 * (i + 1) * per);
        }
        return out;
    }
}
