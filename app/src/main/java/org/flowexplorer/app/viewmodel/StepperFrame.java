package org.flowexplorer.app.viewmodel;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The layer stepper's picture at a continuous position p in [0, L]: the displayed points and the
 * warped grid blended linearly between layers ⌊p⌋ and ⌈p⌉, and matching plot bounds. Recomputed
 * when the trace or the position changes; the arrays are new each time (views take ownership).
 */
public final class StepperFrame {
    private final ReadOnlyObjectWrapper<float[]> points = new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyObjectWrapper<float[][]> gridLines = new ReadOnlyObjectWrapper<>(this, "gridLines");
    private final ReadOnlyObjectWrapper<PlotBounds> bounds = new ReadOnlyObjectWrapper<>(this, "bounds");
    private final ReadOnlyObjectWrapper<float[]> origins = new ReadOnlyObjectWrapper<>(this, "origins");
    private float[][] positions;
    private PlotBounds[] layerBounds;
    private float[][] grid;
    private int lines;
    private int perLine;
    private double lastPosition = Double.NaN;

    /** Takes the new trace and grid when they changed, then shows {@code position}. */
    void update(SnapshotDiff d, double position) {
        if (!d.hasTrace()) {
            return;
        }
        if (d.traceChanged() || positions == null) {
            positions = d.tracePositions();
            layerBounds = d.traceBounds();
            grid = d.gridPositions();
            lines = d.gridLines();
            perLine = d.gridPointsPerLine();
            lastPosition = Double.NaN;
            origins.set(positions[0]);
        }
        moveTo(position);
    }

    /** Shows {@code position} of the last trace (nothing before the first one). */
    void moveTo(double position) {
        if (positions == null || position == lastPosition) {
            return;
        }
        lastPosition = position;
        int layers = positions.length - 1;
        double p = Math.max(0, Math.min(layers, position));
        int k = (int) Math.min(Math.floor(p), layers - 1);
        double f = p - k;
        bounds.set(layerBounds[k].lerp(layerBounds[k + 1], f));
        gridLines.set(grid == null ? null : polylines(blend(grid, k, f), lines, perLine));
        points.set(blend(positions, k, f));
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

    /** Displayed points at the current position ([n, 2] row-major). */
    public ReadOnlyObjectProperty<float[]> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** The shown points' data-space positions (layer 0 of the same trace), e.g. to colour them. */
    public ReadOnlyObjectProperty<float[]> originsProperty() {
        return origins.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[][]> gridLinesProperty() {
        return gridLines.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlotBounds> boundsProperty() {
        return bounds.getReadOnlyProperty();
    }
}
