package org.flowexplorer.app.viewmodel;

import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.LayerInterpolation;
import org.flowexplorer.app.scene.WarpedGrid;

/**
 * The layer stepper's picture at a continuous position p in [0, L]: the displayed points and the
 * warped grid blended linearly between layers ⌊p⌋ and ⌈p⌉, and matching plot bounds (all by
 * {@link LayerInterpolation}). The arrays are new for each frame (views take ownership).
 *
 * @param points    the displayed points at p ([n, 2] row-major)
 * @param origins   the same points' data-space positions (layer 0 of the trace), e.g. to colour them
 * @param gridLines the warped data grid at p as polylines, null before the grid is computed
 * @param bounds    plot bounds blended between the two layers' bounds
 * @param allLayers one box for every layer ({@link LayerInterpolation#common}), for axes fixed across frames
 */
public record StepperFrame(float[] points, float[] origins, float[][] gridLines, Bounds bounds, Bounds allLayers) {

    /**
     * What the frames are blended from: one trace through every layer, and the grid's trace
     * ({@code grid} null until computed; {@code lines} polylines of {@code perLine} points each).
     */
    public record Source(float[][] positions, Bounds[] layerBounds, float[][] grid, int lines, int perLine, float[][][] subSteps) {
        /** Without sub-steps: a flow of couplings alone. */
        public Source(float[][] positions, Bounds[] layerBounds, float[][] grid, int lines, int perLine) {
            this(positions, layerBounds, grid, lines, perLine, null);
        }

        /**
         * The sub-steps of every interval of a trace with blocks after its couplings (the coupling's
         * output, then each block's but the last: {@link LayerInterpolation#through}); null without blocks.
         */
        public static float[][][] subStepsOf(org.flowexplorer.model.flow.FlowTrace t) {
            if (t == null || !t.hasNorms()) {
                return null;
            }
            float[][][] out = new float[t.layers()][][];
            for (int k = 0; k < out.length; k++) {
                java.util.List<float[]> steps = new java.util.ArrayList<>(t.subSteps(k).values());
                out[k] = steps.subList(0, steps.size() - 1).toArray(new float[0][]);
            }
            return out;
        }

        /** The picture at {@code position}: the points through the sub-steps, the grid and bounds blended linearly. */
        StepperFrame at(double position) {
            return new StepperFrame(LayerInterpolation.through(positions, subSteps, position), positions[0],
                    grid == null ? null : WarpedGrid.polylines(LayerInterpolation.at(grid, position), lines, perLine),
                    LayerInterpolation.bounds(layerBounds, position), LayerInterpolation.common(layerBounds));
        }
    }
}
