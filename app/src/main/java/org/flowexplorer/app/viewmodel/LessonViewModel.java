package org.flowexplorer.app.viewmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import org.flowexplorer.app.io.Failures;
import org.flowexplorer.app.lesson.Lesson;
import org.flowexplorer.app.lesson.LessonAction;
import org.flowexplorer.app.lesson.LessonDraft;
import org.flowexplorer.app.lesson.LessonFile;
import org.flowexplorer.app.lesson.LessonStep;
import org.flowexplorer.app.lesson.OpenedLesson;
import org.flowexplorer.app.preset.CompareSide;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.io.DataSource;

/**
 * The lesson under way: which one, which step, whether its answer is revealed; opening (read on the
 * I/O executor, started only when all of it was read), stepping, leaving, and "Save as lesson".
 * How the window looks during a lesson (panels, hidden and locked controls) is the window's
 * business: it follows {@link #activeProperty()}. A failed open is one message and changes nothing.
 *
 * <p>A step's action runs when the step is shown, or, when the step asks the student to predict,
 * when Reveal is pressed: the action is the answer.
 */
public final class LessonViewModel {
    /** What a compare action says until compare mode is part of the build. */
    public static final String NO_COMPARE = "Compare is not available in this build.";
    private CompareViewModel compare;

    private final CommandChannel commands;
    private final Executor io;
    private final Executor fx;
    private final StatusLine status;
    private final TrainingControlsViewModel training;
    private final SettingsFormViewModel form;
    private final PlotsViewModel plots;
    private final LayerViewModel layers;
    private final ReadOnlyObjectWrapper<Lesson> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step");
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
    private final ReadOnlyObjectWrapper<String> requestedView = new ReadOnlyObjectWrapper<>(this, "requestedView");
    /** The start layer and query, applied once the lesson's model is the one trained (a new run). */
    private Lesson pendingStart;
    private int runBefore;
    private int currentRun = Integer.MIN_VALUE;
    private ChangeListener<Number> playTarget;

    LessonViewModel(CommandChannel commands, Executor io, Executor fx, StatusLine status, TrainingControlsViewModel training,
            SettingsFormViewModel form, PlotsViewModel plots, LayerViewModel layers,
            ReadOnlyObjectProperty<Snapshot> snapshots) {
        this.commands = commands;
        this.io = io;
        this.fx = fx;
        this.status = status;
        this.training = training;
        this.form = form;
        this.plots = plots;
        this.layers = layers;
        snapshots.addListener((o, was, s) -> startWhenLoaded(s));
    }

    // ---------------------------------------------------------------- opening

    /** Reads a lesson file (or a session zip holding one) on the I/O executor and starts it; a bad file changes nothing. */
    public void open(Path file) {
        onIo(() -> LessonFile.read(file), file, this::start);
    }

    /** Runs {@code work} on the I/O executor, then {@code then} with its result on the FX one; a failure is one message. */
    private <T> void onIo(IOCallable<T> work, Path file, Consumer<T> then) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).whenComplete((result, e) -> fx.execute(() -> {
            if (e != null) {
                status.error(Failures.describe(e, file));
            } else {
                then.accept(result);
            }
        }));
    }

    /** File work that may fail with an {@link IOException}. */
    @FunctionalInterface
    private interface IOCallable<T> {
        T call() throws IOException;
    }

    /** Starts a lesson already read (a built-in one, or from {@link #open}): its data, model and first step. */
    public void start(OpenedLesson opened) {
        Lesson l = opened.lesson();
        stopPlayTarget();
        runBefore = currentRun;
        if (opened.session() != null) {
            Command.LoadSession c = new Command.LoadSession(opened.session(), opened.name());
            commands.send(c);
            training.pauseLocally();
            c.done().whenComplete((v, e) -> fx.execute(() -> {
                if (e != null) {
                    status.error(Failures.describe(e, null));
                } else {
                    begin(opened);
                }
            }));
            return;
        }
        Architecture a = l.architecture();
        ArchitectureSettings arch = ArchitectureSettings.of(a, l.training().seed()); // its blocks, base and spline shape too
        String label = "Lesson \u201c" + l.title() + "\u201d";
        DatasetSettings data = l.source() instanceof DataSource.Toy t
                ? new DatasetSettings(t.dataset(), t.n(), t.noise(), t.seed()) : DatasetSettings.defaults();
        commands.send(new Command.Configure(data, arch, l.training().learningRate(), l.training().batchSize(), label));
        if (l.customData()) {
            commands.send(new Command.SetCustomData(l.points().clone(), ((DataSource.Custom) l.source()).origin()));
        }
        training.pauseLocally();
        form.show(l.customData() ? null : data, arch, l.training().learningRate(), l.training().batchSize());
        form.clearSettingsErrors();
        begin(opened);
    }

    private void begin(OpenedLesson opened) {
        Lesson l = opened.lesson();
        pendingStart = l;
        active.set(l);
        revealed.set(false);
        step.set(0);
        String intro = "Lesson \u201c" + l.title() + "\u201d: step 1 of " + l.steps().size() + ".";
        status.info(opened.notes().isEmpty() ? intro : intro + " " + String.join(" ", opened.notes()));
        arrive();
    }

    private void startWhenLoaded(Snapshot s) {
        if (s == null) {
            return;
        }
        currentRun = s.runId();
        Lesson l = pendingStart;
        if (l != null && s.runId() != runBefore && s.settings().architecture().layers() == l.architecture().layers()) {
            pendingStart = null;
            if (l.startLayer() >= 0) {
                layers.layerPositionProperty().set(l.startLayer());
            }
            if (l.startQuery() != null) {
                plots.queryData(l.startQuery()[0], l.startQuery()[1]);
            }
        }
    }

    // ---------------------------------------------------------------- stepping

    /** The current step, 0-based. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public void next() {
        Lesson l = active.get();
        if (l != null && step.get() < l.steps().size() - 1) {
            step.set(step.get() + 1);
            revealed.set(false);
            arrive();
        }
    }

    public void back() {
        if (active.get() != null && step.get() > 0) {
            step.set(step.get() - 1);
            revealed.set(false);
        }
    }

    /** Whether the current step's answer is shown. */
    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Shows the current step's answer and runs its action. */
    public void reveal() {
        LessonStep s = currentStep();
        if (s != null && s.asks() && !revealed.get()) {
            revealed.set(true);
            run(s.action());
        }
    }

    /** Ends the lesson: the window goes back to normal; the data and model stay as they are. */
    public void leave() {
        if (active.get() != null) {
            stopPlayTarget();
            pendingStart = null;
            active.set(null);
            status.info("Left the lesson; every control is back.");
        }
    }

    private void arrive() {
        LessonStep s = currentStep();
        if (s != null && !s.asks()) {
            run(s.action());
        }
    }

    private void run(LessonAction action) {
        if (action instanceof LessonAction.Play p) {
            playSteps(p.steps());
        } else if (action instanceof LessonAction.GoToLayer g) {
            layers.layerPositionProperty().set(Math.min(g.layer(), layers.layerCountProperty().get()));
        } else if (action instanceof LessonAction.ShowView v) {
            requestedView.set(null);
            requestedView.set(v.view());
        } else if (action instanceof LessonAction.Compare c) {
            enterCompare(c.preset());
        }
    }

    /** Compare mode for the lessons' "compare" action; without it the action says {@link #NO_COMPARE}. */
    public void attachCompare(CompareViewModel compare) {
        this.compare = compare;
    }

    private void enterCompare(String preset) {
        if (compare == null) {
            status.error(NO_COMPARE);
            return;
        }
        if (preset == null) {
            CompareSide a = compare.currentA();
            if (!compare.enter(new CompareSide("B", a.architecture(), a.training()))) {
                status.error(compare.errorProperty().get());
            }
            return;
        }
        Presets.comparisons().stream().filter(p -> p.name().equals(preset)).findFirst().ifPresentOrElse(compare::applyPreset,
                () -> status.error("This lesson asks for the comparison \"" + preset + "\", which this build does not have."));
    }

    /** Trains live (the plots follow) and pauses once {@code count} more steps are done. */
    private void playSteps(int count) {
        stopPlayTarget();
        long target = training.stepProperty().get() + count;
        playTarget = (o, was, now) -> {
            if (now.longValue() >= target) {
                stopPlayTarget();
                training.pause();
            }
        };
        training.stepProperty().addListener(playTarget);
        training.play();
    }

    private void stopPlayTarget() {
        if (playTarget != null) {
            training.stepProperty().removeListener(playTarget);
            playTarget = null;
        }
    }

    private LessonStep currentStep() {
        Lesson l = active.get();
        return l == null ? null : l.steps().get(step.get());
    }

    // ---------------------------------------------------------------- saving

    /**
     * Writes the current state as a lesson with the draft's texts and what to hide and lock: a
     * session zip with the trained model when {@link LessonDraft#withModel()}, else a {@code .lesson.json}.
     */
    public void save(Path file, LessonDraft draft) {
        QueryPoint q = plots.queryProperty().get();
        double[] query = q != null && q.placedInData() ? new double[] {q.dataX(), q.dataY()} : null;
        int layer = layers.currentLayerProperty().get();
        Command.Capture c = new Command.Capture(Map.of(), new CompletableFuture<>());
        commands.send(c);
        c.result().thenAccept(session -> onIo(() -> {
            Lesson lesson = draft.over(session.settings(), session.data(), layer, query);
            if (draft.withModel()) {
                LessonFile.write(file, lesson, session);
            } else {
                LessonFile.write(file, lesson);
            }
            return file;
        }, file, written -> status.info("Lesson saved to " + written.getFileName() + ".")));
    }

    // ---------------------------------------------------------------- state

    /** The lesson under way, null when none is. */
    public ReadOnlyObjectProperty<Lesson> activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The view a step asked to bring to the front (a panel's or tab's file stem); set again for each request. */
    public ReadOnlyObjectProperty<String> requestedViewProperty() {
        return requestedView.getReadOnlyProperty();
    }
}
