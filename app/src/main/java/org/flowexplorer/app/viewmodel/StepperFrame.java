package org.flowexplorer.app.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.worker.Snapshot;

/**
 * The layer stepper's picture at a continuous position p in [0, L]: the displayed points and the
 * warped grid blended linearly between layers ⌊p⌋ and ⌈p⌉, and matching plot bounds. Recomputed
 * when the snapshot or the position changes; the arrays are new each time (views take ownership).
 */
public final class StepperFrame {
    private final ReadOnlyObjectWrapper<float[]> points = new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyObjectWrapper<float[][]> gridLines = new ReadOnlyObjectWrapper<>(this, "gridLines");
    private final ReadOnlyObjectWrapper<Bounds> bounds = new ReadOnlyObjectWrapper<>(this, "bounds");
    private Snapshot.Trace lastTrace;
    private double lastPosition = Double.NaN;

    void update(Snapshot s, double position) {
        if (s == null || s.view().trace() == null) {
            return;
        }
        if (s.view().trace() == lastTrace && position == lastPosition) {
            return;
        }
        lastTrace = s.view().trace();
        lastPosition = position;
        Snapshot.Trace t = s.view().trace();
        double p = Math.max(0, Math.min(t.layers(), position));
        int k = (int) Math.min(Math.floor(p), t.layers() - 1);
        double f = p - k;
        bounds.set(t.bounds()[k].lerp(t.bounds()[k + 1], f));
        gridLines.set(s.view().grid() == null ? null : polylines(blend(s.view().grid().positions(), k, f), s.view().gridLines(),
                s.view().gridPointsPerLine()));
        points.set(blend(t.positions(), k, f));
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
            out[i] = java.util.Arrays.copyOfRange(xy, 2 * i * per, 2 * (i + 1) * per);
        }
        return out;
    }

    /** Displayed points at the current position ([n, 2] row-major). */
    public ReadOnlyObjectProperty<float[]> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[][]> gridLinesProperty() {
        return gridLines.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Bounds> boundsProperty() {
        return bounds.getReadOnlyProperty();
    }
}
