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
    public record Source(float[][] positions, Bounds[] layerBounds, float[][] grid, int lines, int perLine) {
        /** The picture at {@code position}. */
        StepperFrame at(double position) {
            return new StepperFrame(LayerInterpolation.at(positions, position), positions[0],
                    grid == null ? null : WarpedGrid.polylines(LayerInterpolation.at(grid, position), lines, perLine),
                    LayerInterpolation.bounds(layerBounds, position), LayerInterpolation.common(layerBounds));
        }
    }
}
