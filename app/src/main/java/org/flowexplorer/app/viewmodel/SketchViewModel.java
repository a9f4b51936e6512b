package org.flowexplorer.app.viewmodel;

import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.flowexplorer.app.draw.Brush;
import org.flowexplorer.app.draw.Sketch;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.TrainingWorker;

/**
 * Draw mode: a press in data space sprays or erases points of a {@link Sketch} (each stroke one
 * undo step), and on release the drawn set becomes the training data.
 */
public final class SketchViewModel {
    private final CommandChannel commands;
    private final TrainingControlsViewModel training;
    private final StatusLine status;
    private final Supplier<float[]> trainedPoints;
    private final ObjectProperty<DrawMode> drawMode = new SimpleObjectProperty<>(this, "drawMode", DrawMode.OFF);
    private final DoubleProperty brushSpread = new SimpleDoubleProperty(this, "brushSpread", Brush.DEFAULT.spread());
    private final ReadOnlyObjectWrapper<float[]> sketchPoints = new ReadOnlyObjectWrapper<>(this, "sketchPoints");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private Sketch sketch;
    /** Whether this drawing was sent as training data (so drawn points from the worker are its own). */
    private boolean drawingSent;
    private double[] lastBrush;
    private long brushSeed = 1;

    /** @param trainedPoints the points trained on now (null before there are any) */
    public SketchViewModel(CommandChannel commands, TrainingControlsViewModel training, StatusLine status,
            Supplier<float[]> trainedPoints) {
        this.commands = commands;
        this.training = training;
        this.status = status;
        this.trainedPoints = trainedPoints;
        drawMode.addListener((o, was, now) -> {
            float[] trained = trainedPoints.get();
            if (was == DrawMode.OFF && now != DrawMode.OFF && sketch != null && trained != null
                    && trained != sketch.points()) {
                sketch = null; // the data changed since the last drawing: start from what is trained on now
            }
            if (now != DrawMode.OFF) {
                sketch();
            }
        });
    }

    /** Starts a stroke (draw: sprays a few points; erase: removes those under the eraser) as one undo step. */
    public void beginStroke(double x, double y) {
        if (drawMode.get() == DrawMode.OFF) {
            return;
        }
        Sketch sk = sketch();
        sk.beginEdit();
        lastBrush = new double[] {x, y};
        applyBrush(sk, x, y, true);
    }

    /** Continues the stroke to (x, y); the points show at once. */
    public void continueStroke(double x, double y) {
        if (drawMode.get() == DrawMode.OFF || lastBrush == null) {
            return;
        }
        applyBrush(sketch(), x, y, false);
        lastBrush = new double[] {x, y};
    }

    /** Ends the stroke and sends the drawn set to the worker as the new training data (the model is reset). */
    public void endStroke() {
        if (lastBrush == null) {
            return;
        }
        lastBrush = null;
        submitSketch();
    }

    /**
     * New training points from the worker: unless they are the drawing just sent, the drawing is
     * stale (e.g. Regenerate in draw mode) and drawing goes on from the new points.
     */
    void accept(SnapshotDiff d) {
        if (d.first() || !d.pointsChanged() || (drawingSent && d.drawnData())) {
            return;
        }
        drawingSent = false;
        if (sketch != null) {
            sketch = null;
            if (drawing()) {
                sketch();
            }
        }
    }

    public boolean undoSketch() {
        return sketch != null && edited(sketch.undo());
    }

    public boolean redoSketch() {
        return sketch != null && edited(sketch.redo());
    }

    /** Removes all points (undoable); training data change once you draw again. */
    public void clearSketch() {
        sketch().clear();
        edited(true);
    }

    private boolean edited(boolean changed) {
        if (changed) {
            sketchChanged();
            submitSketch();
        }
        return changed;
    }

    /** Whether a press in data space draws or erases rather than placing the query point. */
    public boolean drawing() {
        return drawMode.get() != DrawMode.OFF;
    }

    private Sketch sketch() {
        if (sketch == null) {
            float[] trained = trainedPoints.get();
            sketch = new Sketch(trained == null ? new float[0] : trained);
            sketchChanged();
        }
        return sketch;
    }

    private void applyBrush(Sketch sk, double x, double y, boolean first) {
        Brush brush = Brush.DEFAULT.withSpread(Math.max(0, brushSpread.get()));
        if (drawMode.get() == DrawMode.DRAW) {
            sk.addWithinEdit(first ? brush.stroke(x, y, 6, brushSeed++)
                    : brush.drag(lastBrush[0], lastBrush[1], x, y, brushSeed++));
        } else {
            sk.eraseWithinEdit(x, y, eraserRadius());
        }
        sketchChanged();
    }

    /** The eraser's radius in data units (follows the spread slider). */
    public double eraserRadius() {
        return Math.max(0.1, 2.5 * brushSpread.get());
    }

    private void sketchChanged() {
        sketchPoints.set(sketch.points());
        canUndo.set(sketch.canUndo());
        canRedo.set(sketch.canRedo());
    }

    private void submitSketch() {
        float[] pts = sketch.points();
        if (pts.length / 2 < TrainingWorker.MIN_CUSTOM_POINTS) {
            status.info("Draw at least " + TrainingWorker.MIN_CUSTOM_POINTS + " points to train on (" + pts.length / 2
                    + " now); the training data are unchanged.");
            return;
        }
        commands.send(new Command.SetCustomData(pts, null));
        drawingSent = true;
        training.pauseLocally();
    }

    public ObjectProperty<DrawMode> drawModeProperty() {
        return drawMode;
    }

    /** Standard deviation of the brush's spray, data units. */
    public DoubleProperty brushSpreadProperty() {
        return brushSpread;
    }

    /** The points being drawn (null before draw mode was first used); never modified in place. */
    public ReadOnlyObjectProperty<float[]> sketchPointsProperty() {
        return sketchPoints.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
