package org.flowexplorer.app.viewmodel;

import org.flowexplorer.model.flow.MixtureBase;
import org.flowexplorer.app.scene.Bounds;
import java.util.OptionalDouble;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.HeldOutHistory;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * What the data, latent, stepper-mask and loss views draw, as read-only properties set once per
 * snapshot and only when the worker recomputed them, so a listener runs exactly when its layer
 * changed. The arrays are the worker's: never modify them.
 */
public final class PlotsViewModel {
    /** The latent plot's fixed box. */
    public static final Bounds LATENT_BOUNDS = Bounds.LATENT;

    private final CommandChannel commands;
    private final BooleanProperty densityVisible = new SimpleBooleanProperty(this, "densityVisible");
    private final ReadOnlyObjectWrapper<float[]> dataPoints = new ReadOnlyObjectWrapper<>(this, "dataPoints");
    private final ReadOnlyObjectWrapper<Bounds> dataBounds = new ReadOnlyObjectWrapper<>(this, "dataBounds");
    private final ReadOnlyObjectWrapper<Heatmap> density = new ReadOnlyObjectWrapper<>(this, "density");
    private final ReadOnlyObjectWrapper<ModelSamples> samples = new ReadOnlyObjectWrapper<>(this, "samples");
    private final ReadOnlyObjectWrapper<QueryPoint> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final ReadOnlyObjectWrapper<MixtureBase.Components> baseComponents = new ReadOnlyObjectWrapper<>(this, "baseComponents");
    private final ReadOnlyObjectWrapper<LatentPoints> latentPoints = new ReadOnlyObjectWrapper<>(this, "latentPoints");
    private final ReadOnlyObjectWrapper<boolean[][]> masks = new ReadOnlyObjectWrapper<>(this, "masks");
    private final ReadOnlyObjectWrapper<OptionalDouble> lowerBound =
            new ReadOnlyObjectWrapper<>(this, "lowerBound", OptionalDouble.empty());
    private final ReadOnlyObjectWrapper<LossSnapshot> loss = new ReadOnlyObjectWrapper<>(this, "loss");
    private final ReadOnlyObjectWrapper<LossIncrement> lossIncrement = new ReadOnlyObjectWrapper<>(this, "lossIncrement");
    private final ReadOnlyObjectWrapper<WorkerTimings> timings = new ReadOnlyObjectWrapper<>(this, "timings");
    private final ReadOnlyObjectWrapper<String> noFloorReason = new ReadOnlyObjectWrapper<>(this, "noFloorReason", "");
    private final LossFeed lossFeed = new LossFeed();
    private HeldOutHistory.View evaluations = HeldOutHistory.View.EMPTY;
    /** The last density computed, shown or not. */
    private Heatmap computedDensity;

    public PlotsViewModel(CommandChannel commands) {
        this.commands = commands;
        densityVisible.addListener((o, was, now) -> {
            commands.send(new Command.SetDensity(now));
            density.set(now ? computedDensity : null);
        });
    }

    void accept(SnapshotDiff d) {
        if (d.pointsChanged()) {
            dataPoints.set(d.points());
        }
        if (d.dataBoundsChanged()) {
            dataBounds.set(d.dataBounds());
        }
        if (d.densityChanged()) {
            computedDensity = d.density();
            density.set(densityVisible.get() ? computedDensity : null);
        }
        if (d.samplesChanged()) {
            samples.set(d.dataSamples() == null ? null : new ModelSamples(d.latentSamples(), d.dataSamples()));
        }
        if (d.baseComponentsChanged()) {
            baseComponents.set(d.baseComponents());
        }
        if (d.queryChanged()) {
            query.set(d.query());
        }
        if (d.traceChanged() && d.hasTrace()) {
            float[][] positions = d.tracePositions();
            latentPoints.set(new LatentPoints(positions[positions.length - 1], positions[0]));
        }
        if (d.masksChanged() && d.masks() != null) {
            masks.set(d.masks());
        }
        loss.set(d.loss());
        timings.set(d.timings());
        if (d.ready()) {
            if (d.dataSourceChanged()) {
                lowerBound.set(d.lowerBound());
                noFloorReason.set(d.heldOut().noFloorReason());
            }
            evaluations = d.heldOut().evaluations();
            LossIncrement next = lossFeed.next(d.runId(), d.loss(), evaluations);
            if (next != null) {
                lossIncrement.set(next);
            }
        }
    }

    /** Whether the data plot shows the model density; the worker computes it only while on. */
    public BooleanProperty densityVisibleProperty() {
        return densityVisible;
    }

    /** The displayed training points, data space; null until generated. */
    public ReadOnlyObjectProperty<float[]> dataPointsProperty() {
        return dataPoints.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Bounds> dataBoundsProperty() {
        return dataBounds.getReadOnlyProperty();
    }

    /** The density the data plot shows: null while {@link #densityVisibleProperty()} is off or before it is computed. */
    public ReadOnlyObjectProperty<Heatmap> densityProperty() {
        return density.getReadOnlyProperty();
    }

    /** Model samples, null when none were drawn. */
    public ReadOnlyObjectProperty<ModelSamples> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** The mixture base's weights, means and scales; null for the standard normal. */
    public ReadOnlyObjectProperty<MixtureBase.Components> baseComponentsProperty() {
        return baseComponents.getReadOnlyProperty();
    }

    /** The query point and its path, null when there is none. */
    public ReadOnlyObjectProperty<QueryPoint> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** Query point in data space: the worker pushes it forward through every layer. */
    public void queryData(double x, double y) {
        commands.send(new Command.Query(Command.Space.DATA, x, y));
    }

    /** Query point in latent space: the worker pulls it back through every layer. */
    public void queryLatent(double x, double y) {
        commands.send(new Command.Query(Command.Space.LATENT, x, y));
    }

    public void clearQuery() {
        commands.send(new Command.ClearQuery());
    }

    /** The displayed points pushed to latent space; null until traced. */
    public ReadOnlyObjectProperty<LatentPoints> latentPointsProperty() {
        return latentPoints.getReadOnlyProperty();
    }

    /** masks[l][d] true when coordinate d conditions layer l; set when they change in content. */
    public ReadOnlyObjectProperty<boolean[][]> masksProperty() {
        return masks.getReadOnlyProperty();
    }

    /** The data's known NLL lower bound, empty when none is known. */
    public ReadOnlyObjectProperty<OptionalDouble> lowerBoundProperty() {
        return lowerBound.getReadOnlyProperty();
    }

    /** Whether the test NLL is measured on 10 000 fresh samples of the toy set or image (so its gap to H(p) is not noise). */
    public void setFreshTestSamples(boolean on) {
        commands.send(new Command.SetFreshTestSamples(on));
    }

    /** Why the data have no entropy floor ("no floor: the density of your own data is unknown"), empty when they have one. */
    public ReadOnlyObjectProperty<String> noFloorReasonProperty() {
        return noFloorReason.getReadOnlyProperty();
    }

    /** The run's whole loss history (what a CSV export writes). */
    public ReadOnlyObjectProperty<LossSnapshot> lossProperty() {
        return loss.getReadOnlyProperty();
    }

    /** The whole loss history so far, for a chart that starts now (later increments follow it). */
    public LossIncrement lossSoFar() {
        return LossFeed.all(loss.get(), evaluations);
    }

    /** What the loss chart must add since the last snapshot (a restart on a new run); never misses a step. */
    public ReadOnlyObjectProperty<LossIncrement> lossIncrementProperty() {
        return lossIncrement.getReadOnlyProperty();
    }

    /** The worker's timings for the status bar, null before the model is ready. */
    public ReadOnlyObjectProperty<WorkerTimings> timingsProperty() {
        return timings.getReadOnlyProperty();
    }
}
