package org.flowexplorer.app.viewmodel;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Diagnostics;
import org.flowexplorer.app.worker.Divergence;
import org.flowexplorer.app.worker.HeldOutReport;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * A new worker snapshot next to the one before it: the one place the view models read
 * {@link Snapshot}. Each view model asks what it shows and whether it changed (by reference: the
 * worker shares an array it has not recomputed), so the parts and the panes never compare
 * snapshots themselves. Values come in the view model's own types ({@link Heatmap},
 * {@link QueryPoint}) or the scene layer's ({@link Bounds}).
 */
public final class SnapshotDiff {
    private final Snapshot before, now;

    private SnapshotDiff(Snapshot before, Snapshot now) {
        this.before = before;
        this.now = now;
    }

    /** {@code now} after {@code before}; {@code before} is null for the first snapshot (everything changed). */
    public static SnapshotDiff between(Snapshot before, Snapshot now) {
        return new SnapshotDiff(before, now);
    }

    /** Whether this is the first snapshot the view models see. */
    public boolean first() {
        return before == null;
    }

    // ---------------------------------------------------------------- training state

    /** Whether training restarted (or this is the first snapshot): the form shows what is trained now. */
    public boolean newRun() {
        return first() || before.runId() != now.runId();
    }

    public int runId() {
        return now.runId();
    }

    /**
     * The training figures and state of one snapshot.
     *
     * @param commandsHandled how many commands the worker had handled when it published this
     * @param error           the worker's last error, empty if none
     */
    public record Training(boolean ready, boolean playing, long commandsHandled, long step, double stepsPerSecond,
            double trainNll, double testNll, String error) {
    }

    public Training training() {
        return new Training(ready(), now.status().playing(), now.commandsHandled(), now.status().step(), now.status().stepsPerSecond(),
                now.status().trainNll(), now.status().testNll(), now.status().error());
    }

    public boolean ready() {
        return now.phase() == Snapshot.Phase.READY;
    }

    /** The worker's line for the status bar: preparing, its notice, or what is trained on what. */
    public String statusLine() {
        if (now.phase() == Snapshot.Phase.PREPARING) {
            return "Preparing model… (" + now.settings().architecture() + ")";
        }
        if (!now.status().notice().isEmpty()) {
            return now.status().notice();
        }
        // what the model is doing now: "Ready" stayed on screen while it trained
        String state = now.status().playing() ? "Training" : now.status().step() > 0 ? "Paused" : "Ready";
        return state + ": " + now.settings().architecture() + " on " + now.dataName() + ".";
    }

    /** The worker's timings, or null before the model is ready. */
    public WorkerTimings timings() {
        Snapshot.Timings t = now.timings();
        return ready() ? new WorkerTimings(t.stepMillis(), t.traceMillis(), t.densityMillis(), t.firstBuildMillis()) : null;
    }

    // ---------------------------------------------------------------- settings trained with

    /**
     * What the worker trains with.
     *
     * @param customData whether the points are the user's own (drawn or imported), so {@code dataset}
     *                   does not describe them
     * @param customSource for the user's own points, what they are, e.g. "image letter-f.png, 4000 points"; else empty
     */
    public record Settings(DatasetSettings dataset, boolean customData, ArchitectureSettings architecture,
            double learningRate, int batchSize, String customSource) {
    }

    public Settings settings() {
        Snapshot.Settings s = now.settings();
        String custom = !now.customData() ? ""
                : ((DataSource.Custom) s.dataSource()).origin() == null ? s.trainingPoints() + " drawn points"
                : now.dataName() + ", " + s.trainingPoints() + " points";
        return new Settings(s.dataset(), now.customData(), s.architecture(), s.learningRate(), s.batchSize(), custom);
    }

    public int layers() {
        return now.layers();
    }

    /** Whether the points are drawn ones (not a toy set, not an imported file). */
    public boolean drawnData() {
        return DataSource.Custom.DRAWN.equals(now.settings().dataSource());
    }

    // ---------------------------------------------------------------- view data

    /** Displayed training points (data space), null until generated. */
    public float[] points() {
        return now.view().points();
    }

    public boolean pointsChanged() {
        return viewChanged(Snapshot.ViewData::points);
    }

    public Bounds dataBounds() {
        return now.view().dataBounds();
    }

    public boolean dataBoundsChanged() {
        return viewChanged(Snapshot.ViewData::dataBounds);
    }

    /** The density heatmap, null when off or not computed yet. */
    public Heatmap density() {
        Snapshot.Density d = now.view().density();
        return d == null ? null : new Heatmap(d.values(), d.width(), d.height(), d.bounds());
    }

    public boolean densityChanged() {
        return viewChanged(Snapshot.ViewData::density);
    }

    /** Model samples x = f⁻¹(z) in data space, null when none were drawn. */
    public float[] dataSamples() {
        return now.view().samples() == null ? null : now.view().samples().data();
    }

    /** The base draws z of the samples, null when none were drawn. */
    public float[] latentSamples() {
        return now.view().samples() == null ? null : now.view().samples().latent();
    }

    public boolean samplesChanged() {
        return viewChanged(Snapshot.ViewData::samples);
    }

    public QueryPoint query() {
        Snapshot.QueryResult q = now.view().query();
        return q == null ? null : new QueryPoint(q.space() == Command.Space.DATA, q.dataX(), q.dataY(), q.latentX(),
                q.latentY(), q.path(), q.roundTripError());
    }

    /** The mixture base's components, null for N(0, I). */
    public org.flowexplorer.model.flow.MixtureBase.Components baseComponents() {
        return now.view().baseComponents();
    }

    public boolean baseComponentsChanged() {
        return viewChanged(Snapshot.ViewData::baseComponents);
    }

    public boolean queryChanged() {
        return viewChanged(Snapshot.ViewData::query);
    }

    /** Whether the displayed points' trace through the layers has been computed. */
    public boolean hasTrace() {
        return now.view().trace() != null;
    }

    public boolean traceChanged() {
        return viewChanged(Snapshot.ViewData::trace);
    }

    /** The displayed points after layer l (0 = data … L = latent); needs {@link #hasTrace()}. */
    public float[][] tracePositions() {
        return now.view().trace().positions();
    }

    /** Robust plot bounds of each layer's points; needs {@link #hasTrace()}. */
    public Bounds[] traceBounds() {
        return now.view().trace().bounds().clone();
    }

    /** Mean |s| of each coupling (index l−1 for layer l), or null without a trace. */
    public float[] meanAbsScale() {
        return now.view().trace() == null ? null : now.view().trace().meanAbsScale();
    }

    /** Mean |t| of each coupling, or null without a trace. */
    public float[] meanAbsShift() {
        return now.view().trace() == null ? null : now.view().trace().meanAbsShift();
    }

    public FlowTrace flowTrace() {
        return now.view().trace() == null ? null : now.view().trace().flowTrace();
    }

    /** The data-space grid after every layer ({@link #gridLines()} polylines each), null until computed. */
    public float[][] gridPositions() {
        return now.view().grid() == null ? null : now.view().grid().positions();
    }

    public int gridLines() {
        return now.view().gridLines();
    }

    public int gridPointsPerLine() {
        return now.view().gridPointsPerLine();
    }

    /** masks[l][d] is true when coordinate d conditions layer l; null until built. */
    public boolean[][] masks() {
        return now.view().masks();
    }

    public boolean masksChanged() {
        return first() || !Arrays.deepEquals(before.view().masks(), now.view().masks());
    }

    public LossSnapshot loss() {
        return now.loss();
    }

    /** The data's known NLL lower bound (toy sets only). */
    public OptionalDouble lowerBound() {
        return now.lowerBound();
    }

    /** The test NLL's robust summaries and the data's entropy floor (or why there is none). */
    public HeldOutReport heldOut() {
        return now.heldOut();
    }

    public boolean dataSourceChanged() {
        return first() || before.settings().dataSource() != now.settings().dataSource();
    }

    public CouplingInspection inspection() {
        return now.inspector().inspection();
    }

    // The two tabs' parts: the object, and whether it is a new one (the worker publishes a new one on change).

    /** The stepper coupling's log-det maps, Jacobian glyphs and query waterfall; null until computed. */
    public org.flowexplorer.app.scene.LayerAnatomy layerAnatomy() { return now.view().anatomy(); }

    public boolean layerAnatomyChanged() { return viewChanged(Snapshot.ViewData::anatomy); }

    /** The conditioner curves and health numbers, null until the first trace. */
    public Diagnostics diagnostics() { return now.view().diagnostics(); }

    public boolean diagnosticsChanged() { return viewChanged(Snapshot.ViewData::diagnostics); }

    /** Why training last paused by itself, null if it did not (or was played on). */
    public Divergence divergence() {
        return now.status().divergence();
    }

    /** The replay timeline: the kept checkpoints' steps and the one every view shows. */
    public org.flowexplorer.app.worker.ReplayState replay() {
        return now.replay();
    }

    /** Whether the checkpoints or the shown one changed (the steps array is shared until the worker changes it). */
    public boolean replayChanged() {
        return first() || !before.replay().equals(now.replay());
    }

    /** Whether a part of the view data is another object than before (the worker publishes a new one on change). */
    private boolean viewChanged(java.util.function.Function<Snapshot.ViewData, Object> part) {
        return first() || part.apply(before.view()) != part.apply(now.view());
    }
}
