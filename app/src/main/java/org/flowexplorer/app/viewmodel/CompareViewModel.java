package org.flowexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.flowexplorer.app.preset.ComparePreset;
import org.flowexplorer.app.preset.CompareSide;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.scene.CompareVerdict;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.SplineShape;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * Compare mode: the window's model (side A) and a second one (side B) trained in parallel on the
 * same data, each with its own architecture, coupling, learning rate, batch size and seed. Side B
 * is a second worker with its own {@link ExplorerViewModel}, started and stopped by the
 * {@link Host} (the composition root). Play, pause and step go to both; the layer steppers move
 * together (at the same fraction of each model's depth) and so does the query point; the
 * {@link #verdictProperty() verdict} says which test NLL is lower at equal steps and at equal
 * training time ({@link StepClock}). FX thread.
 */
public final class CompareViewModel {
    /** Starts and stops side B's worker; the view model it returns receives that worker's snapshots. */
    public interface Host {
        ExplorerViewModel start(DatasetSettings data, ArchitectureSettings architecture, double learningRate, int batchSize);

        void stop();
    }

    /** How often the verdict is recomputed at most (it scans both histories). */
    static final long VERDICT_INTERVAL_NANOS = 250_000_000L;

    private final ExplorerViewModel a;
    private final Host host;
    private final LongSupplier clock;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyObjectWrapper<ExplorerViewModel> b = new ReadOnlyObjectWrapper<>(this, "sideB");
    private final ReadOnlyObjectWrapper<CompareSide> sideA = new ReadOnlyObjectWrapper<>(this, "sideASettings");
    private final ReadOnlyObjectWrapper<CompareSide> sideB = new ReadOnlyObjectWrapper<>(this, "sideBSettings");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper bothPlaying = new ReadOnlyBooleanWrapper(this, "bothPlaying", false);
    private final List<Runnable> detach = new ArrayList<>();
    private StepClock clockA = new StepClock();
    private StepClock clockB = new StepClock();
    private long lastVerdictNanos = Long.MIN_VALUE / 2;
    private boolean syncingLayers;

    /** @param nanoClock the time the training clocks use ({@code System::nanoTime}) */
    public CompareViewModel(ExplorerViewModel a, Host host, LongSupplier nanoClock) {
        this.a = a;
        this.host = host;
        this.clock = nanoClock;
    }

    // ---------------------------------------------------------------- entering and leaving

    /**
     * Enters compare mode with {@code b} as side B: side A keeps its current settings and both
     * models start again from step 0 on side A's data: its toy set and data seed, or the very points
     * it trains on when they are drawn, imported or sampled from an image (side B gets a copy of
     * them from side A's worker, so it enters a moment later). Fails with a message in
     * {@link #errorProperty()} (and returns false) when side A is not ready.
     */
    public boolean enter(CompareSide b) {
        Snapshot s = a.getSnapshot();
        if (s == null || s.phase() != Snapshot.Phase.READY) {
            error.set("Compare mode needs a model: wait until it is ready.");
            return false;
        }
        DatasetSettings data = s.settings().dataset();
        if (s.settings().dataSource() instanceof DataSource.Custom own && !fitsEnergy(data, own)) {
            error.set("");
            a.trainingPoints().whenComplete((points, e) -> {
                if (e != null) {
                    error.set("Compare mode could not copy side A's points: " + e.getMessage());
                    return;
                }
                a.training().reset();
                start(data, currentA(), b).trainOn(points, own.origin()); // side B's first run is on the toy set: replaced at once
            });
            return true;
        }
        a.training().reset(); // both start at step 0, so equal steps and equal time mean the same on both sides
        start(data, currentA(), b);
        return true;
    }

    /** Whether side A fits an energy by reverse KL (side B regenerates its sample from the same settings). */
    private static boolean fitsEnergy(DatasetSettings data, DataSource.Custom source) {
        return data.energy() != null && source.origin() != null && source.origin().startsWith("energy ");
    }

    /** Why the last {@link #enter} did not enter compare mode (empty when it did). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Applies a compare preset: its data and side A to the window's model, its side B to the second. */
    public void applyPreset(ComparePreset p) {
        Preset base = p.a();
        a.applyPreset(base);
        start(new DatasetSettings(base.dataset(), base.n(), base.noise(), base.dataSeed()), p.sideA(), p.b());
    }

    /** Leaves compare mode: side B's worker stops, the window shows side A alone again. */
    public void leave() {
        if (!active.get()) {
            return;
        }
        detach.forEach(Runnable::run);
        detach.clear();
        host.stop();
        b.set(null);
        sideB.set(null);
        verdict.set("");
        bothPlaying.set(false);
        active.set(false);
    }

    /** Whether compare mode is on. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    /** Side B's view model while comparing, else null. */
    public ReadOnlyObjectProperty<ExplorerViewModel> sideBModelProperty() {
        return b.getReadOnlyProperty();
    }

    private ExplorerViewModel start(DatasetSettings data, CompareSide settingsA, CompareSide settingsB) {
        leave();
        error.set("");
        Architecture arch = settingsB.architecture();
        ExplorerViewModel vb = host.start(data,
                ArchitectureSettings.of(arch, settingsB.training().seed()),
                settingsB.training().learningRate(), settingsB.training().batchSize());
        clockA = new StepClock();
        clockB = new StepClock();
        sideA.set(settingsA);
        sideB.set(settingsB);
        b.set(vb);
        listen(a.snapshotProperty(), (o, was, now) -> observe(clockA, now));
        listen(vb.snapshotProperty(), (o, was, now) -> observe(clockB, now));
        listen(a.layers().layerPositionProperty(), (o, was, now) -> follow(a, vb));
        listen(vb.layers().layerPositionProperty(), (o, was, now) -> follow(vb, a));
        listen(vb.layers().layerCountProperty(), (o, was, now) -> follow(a, vb));
        listen(a.layers().layerCountProperty(), (o, was, now) -> follow(a, vb));
        // one timeline: side B shows its checkpoint at or before the step side A shows, or goes live with A
        listen(a.replay().shownStepProperty(), (o, was, now) -> vb.replay().showStep(now.longValue()));
        // whatever starts or pauses side A (toolbar, space key, this view model), side B follows
        listen(a.training().playingProperty(), (o, was, now) -> followPlaying(vb));
        listen(vb.training().readyProperty(), (o, was, now) -> followPlaying(vb));
        // the density heat map is on or off on both sides
        vb.plots().densityVisibleProperty().set(a.plots().densityVisibleProperty().get());
        vb.plots().densityVisibleProperty().bindBidirectional(a.plots().densityVisibleProperty());
        detach.add(() -> vb.plots().densityVisibleProperty().unbindBidirectional(a.plots().densityVisibleProperty()));
        follow(a, vb); // side B's stepper and query point start where side A's are, not only after they move
        QueryPoint q = a.plots().queryProperty().get();
        if (q != null && q.placedInData()) {
            vb.plots().queryData(q.dataX(), q.dataY());
        } else if (q != null) {
            vb.plots().queryLatent(q.latentX(), q.latentY());
        }
        active.set(true);
        updateVerdict(true);
        return vb;
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<? super T> l) {
        value.addListener(l);
        detach.add(() -> value.removeListener(l));
    }

    // ---------------------------------------------------------------- both sides at once

    /**
     * Starts both sides (side B also follows side A's play state). A side that paused by itself (its
     * loss exploded) goes on training, as Play does in the normal window.
     */
    public void play() {
        a.training().play();
        sideB().ifPresent(v -> v.training().play());
    }

    public void pause() {
        a.training().pause();
    }

    /** Pauses both when both train, else starts both. */
    public void togglePlay() {
        if (bothPlaying()) {
            pause();
        } else {
            play();
        }
    }

    /** Whether both sides are training now. */
    public boolean bothPlaying() {
        ExplorerViewModel vb = b.get();
        return a.training().playingProperty().get() && vb != null && vb.training().playingProperty().get();
    }

    /** {@link #bothPlaying()} as a property (the Play both / Pause both button), updated with every snapshot. */
    public ReadOnlyBooleanProperty bothPlayingProperty() {
        return bothPlaying.getReadOnlyProperty();
    }

    private void followPlaying(ExplorerViewModel vb) {
        boolean playing = a.training().playingProperty().get();
        if (playing && !vb.training().playingProperty().get()) {
            vb.training().play();
        } else if (!playing && vb.training().playingProperty().get()) {
            vb.training().pause();
        }
    }

    public void stepOnce() {
        a.training().stepOnce();
        sideB().ifPresent(v -> v.training().stepOnce());
    }

    /** Places the query point at data-space (x, y) on both sides. */
    public void queryData(double x, double y) {
        a.plots().queryData(x, y);
        sideB().ifPresent(v -> v.plots().queryData(x, y));
    }

    /** Places the query point at latent (x, y) on both sides. */
    public void queryLatent(double x, double y) {
        a.plots().queryLatent(x, y);
        sideB().ifPresent(v -> v.plots().queryLatent(x, y));
    }

    /** The other side's stepper to the same fraction of its depth (0 = data, 1 = latent). */
    private void follow(ExplorerViewModel from, ExplorerViewModel to) {
        int lf = from.layers().layerCountProperty().get();
        int lt = to.layers().layerCountProperty().get();
        if (syncingLayers || lf <= 0 || lt <= 0) {
            return;
        }
        syncingLayers = true;
        try {
            to.layers().layerPositionProperty().set(from.layers().layerPositionProperty().get() / lf * lt);
        } finally {
            syncingLayers = false;
        }
    }

    // ---------------------------------------------------------------- the verdict

    private void observe(StepClock c, Snapshot s) {
        bothPlaying.set(bothPlaying());
        if (s != null && s.phase() == Snapshot.Phase.READY) {
            c.observe(s.runId(), clock.getAsLong(), s.status().playing(), s.status().step());
        }
        updateVerdict(false);
    }

    private void updateVerdict(boolean now) {
        long t = clock.getAsLong();
        ExplorerViewModel vb = b.get();
        if (vb == null || (!now && t - lastVerdictNanos < VERDICT_INTERVAL_NANOS)) {
            return;
        }
        lastVerdictNanos = t;
        verdict.set(verdictNow());
    }

    /** The one-line verdict (empty outside compare mode), updated at most four times a second. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The verdict from both sides' histories and clocks as they are now. */
    public String verdictNow() {
        ExplorerViewModel vb = b.get();
        if (vb == null) {
            return "";
        }
        long equal = Math.min(clockA.elapsedNanos(), clockB.elapsedNanos());
        double seconds = equal > 0 ? equal / 1e9 : Double.NaN;
        String line = CompareVerdict.line(
                new CompareVerdict.Side(name("A", sideA.get()), a.plots().lossProperty().get(), clockA.stepAt(equal)),
                new CompareVerdict.Side(name("B", sideB.get()), vb.plots().lossProperty().get(), clockB.stepAt(equal)),
                seconds, floor());
        return line + stopped("A", a) + stopped("B", vb);
    }

    /** Why a side paused by itself (its loss exploded or went non-finite), or nothing. */
    private static String stopped(String side, ExplorerViewModel vm) {
        Snapshot s = vm.getSnapshot();
        if (s == null || s.status().playing() || s.status().divergence() == null) {
            return "";
        }
        return " · " + side + ": " + s.status().error();
    }

    private static String name(String side, CompareSide s) {
        return s == null || s.label().equals(side) ? side : side + " (" + s.label() + ")";
    }

    /** The data's entropy H(p) where known (both sides train on the same data). */
    public OptionalDouble floor() {
        OptionalDouble f = a.plots().lowerBoundProperty().get();
        return f == null ? OptionalDouble.empty() : f;
    }

    /**
     * Side B's settings from the form's texts, with {@code like}'s scale, norm, mixer and base (side
     * A's: the form does not change them); throws {@link IllegalArgumentException} with a message
     * for the user when one is out of range or not a number. K and B are read only for a spline coupling.
     */
    public static CompareSide parseSide(String label, String layers, String hidden, CouplingType coupling, String bins,
            String tailBound, String learningRate, String batchSize, String seed, Architecture like) {
        int l = value(Inputs.integer(layers, "Layers", 1, FormLimits.MAX_LAYERS));
        int[] widths = value(Inputs.hidden(hidden, FormLimits.MAX_WIDTH));
        SplineShape spline = value(Inputs.splineShape(coupling, bins, tailBound));
        double lr = value(Inputs.number(learningRate, "Learning rate", 0, FormLimits.MAX_LEARNING_RATE, true));
        int batch = value(Inputs.integer(batchSize, "Batch size", 1, FormLimits.MAX_BATCH_SIZE));
        long s = value(Inputs.seed(seed));
        Architecture a = new Architecture(l, widths, coupling, like.scale(), like.norm(), like.mixer(), spline, like.base());
        ArchitectureSettings.of(a, s); // the worker's own checks, e.g. the parameter count
        String name = label == null || label.isBlank() ? "B" : label.strip();
        return new CompareSide(name, a, new TrainingConfig(batch, lr, TrainingConfig.DEFAULT.clipNorm(), s));
    }

    private static <T> T value(Parsed<T> p) {
        if (!p.isOk()) {
            throw new IllegalArgumentException(p.error());
        }
        return p.value();
    }

    // ---------------------------------------------------------------- read access

    /** Side A's settings now, as a compare side (the form's prefill for side B). */
    public CompareSide currentA() {
        Snapshot.Settings s = a.getSnapshot().settings();
        ArchitectureSettings arch = s.architecture();
        return new CompareSide("A", arch.architecture(),
                new TrainingConfig(s.batchSize(), s.learningRate(), TrainingConfig.DEFAULT.clipNorm(), arch.seed()));
    }

    /** What side A was started with (its label and settings). */
    public ReadOnlyObjectProperty<CompareSide> sideASettingsProperty() {
        return sideA.getReadOnlyProperty();
    }

    /** What side B was started with, else null. */
    public ReadOnlyObjectProperty<CompareSide> sideBSettingsProperty() {
        return sideB.getReadOnlyProperty();
    }

    public ExplorerViewModel sideAModel() {
        return a;
    }

    private java.util.Optional<ExplorerViewModel> sideB() {
        return java.util.Optional.ofNullable(b.get());
    }
}
