package org.flowexplorer.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.flowexplorer.app.prefs.AppPreferences;
import org.flowexplorer.app.task.TaskRunner;
import org.flowexplorer.app.ui.FrameStats;
import org.flowexplorer.app.ui.MainWindow;
import org.flowexplorer.app.ui.NativeWindowWatch;
import org.flowexplorer.app.ui.Theme;
import org.flowexplorer.app.viewmodel.DrawMode;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;

/**
 * The Flow Explorer window. The window is shown at once; the training worker thread then builds the
 * data and the model (loading OpenBLAS the first time) and training is enabled when it reports
 * ready. However the window goes (closed, hidden, or its native window destroyed from outside, see
 * {@link NativeWindowWatch}), the worker and the task runner are stopped and the JavaFX toolkit exits,
 * so no thread outlives the window.
 */
public class FlowExplorerApp extends Application {
    private final AppConfig config;
    private final org.flowexplorer.app.prefs.AppPreferences preferences;
    private TrainingWorker worker;
    private ExplorerViewModel viewModel;
    private SnapshotPump pump;
    /** The training worker's thread was started, or the app shut down before it was (guarded by this). */
    private boolean workerStartedOrClosed;
    private MainWindow window;
    private Stage stage;
    /** The one runner for background work: file reads and writes, image encoding, animation exports. */
    private final TaskRunner tasks = TaskRunner.background("flow-explorer-io");
    private NativeWindowWatch watch;
    /** Compare mode's side B (a second worker), stopped with the window. */
    private CompareRun compareRun;

    public FlowExplorerApp() {
        this(null, new org.flowexplorer.app.prefs.AppPreferences(
                org.flowexplorer.app.prefs.AppPreferences.defaultNode()));
    }

    /** @param config start-up settings; null reads system properties at start */
    public FlowExplorerApp(AppConfig config) {
        this(config, null);
    }

    /**
     * @param config      start-up settings; null reads system properties (and what {@code preferences} remembered)
     * @param preferences where the window size, last settings and recent files are remembered; null: nowhere
     */
    public FlowExplorerApp(AppConfig config, org.flowexplorer.app.prefs.AppPreferences preferences) {
        this.config = config;
        this.preferences = preferences;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        AppConfig c = config != null ? config : AppConfig.fromSystemProperties();
        if (config == null && preferences != null) {
            c = c.withRemembered(preferences);
        }
        if (c.measureFpsSeconds() <= 0 && getParameters() != null
                && getParameters().getRaw().stream().anyMatch(a -> a.startsWith("--measure-fps"))) {
            c = c.withMeasure(10);
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        c = c.fittedTo(screen.getWidth(), screen.getHeight());
        // the remembered theme, or -Dflowexplorer.theme (screenshots); the View menu switches it later
        java.util.prefs.Preferences node = preferences == null ? null : preferences.node();
        Theme.rememberIn(node);
        Theme.atStartup(node).apply();
        // Platform.isImplicitExit() stays as launched (true for the app): the last window going ends the
        // toolkit; embedding code and test harnesses that turn it off keep their toolkit.
        boolean measure = c.measureFpsSeconds() > 0;
        AppConfig cfg = c;
        stage.setTitle("Flow Explorer — RealNVP on 2-D data");
        stage.setOnShown(e -> {
            if (watch == null) {
                watch = NativeWindowWatch.forStage(stage).start();
            }
            if (measure) {
                log("window on screen %.0f ms after JVM start", sinceJvmStartMillis());
                Long launchedAt = Long.getLong("flowexplorer.launchedAt");
                if (launchedAt != null) { // what the java -jar relaunch cost before this JVM began
                    log("this JVM started %d ms after the java -jar launcher", ManagementFactory.getRuntimeMXBean().getStartTime() - launchedAt);
                }
            }
        });
        if (config == null) {
            // A real launch: the window goes on screen at once with a note, and the explorer — about
            // 1.5 s of building and first layout on a small machine — is built into it right after.
            Scene scene = new Scene(loadingNote(), c.width(), c.height());
            stage.setScene(scene);
            stage.show();
            // a few frames for the note to be drawn before the FX thread is busy building
            javafx.animation.PauseTransition drawNote = new javafx.animation.PauseTransition(javafx.util.Duration.millis(80));
            drawNote.setOnFinished(e -> open(stage, scene, cfg));
            drawNote.play();
        } else {
            Scene scene = new Scene(new javafx.scene.layout.Pane(), c.width(), c.height());
            stage.setScene(scene);
            open(stage, scene, cfg);
            stage.show();
        }
    }

    /** A centred progress note shown while the explorer is built. */
    private static javafx.scene.Parent loadingNote() {
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setMaxSize(48, 48);
        javafx.scene.control.Label text = new javafx.scene.control.Label("Preparing Flow Explorer…");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(14, spinner, text);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return new javafx.scene.layout.StackPane(box);
    }

    /** Builds the worker, view model and window into the stage's scene, and starts the worker. */
    private void open(Stage stage, Scene scene, AppConfig c) {
        boolean measure = c.measureFpsSeconds() > 0;
        worker = new TrainingWorker(c.dataset(), c.architecture(), c.training(), c.options(), System::nanoTime);
        viewModel = new ExplorerViewModel(worker, worker.latest(), tasks, Platform::runLater, preferences);
        double startEntered = sinceJvmStartMillis();
        double cpuEntered = fxThreadCpuMillis();
        window = new MainWindow(viewModel, tasks);
        compareRun = new CompareRun(c.options(), tasks);
        window.installCompare(new org.flowexplorer.app.viewmodel.CompareViewModel(viewModel, compareRun, System::nanoTime));
        double windowBuilt = sinceJvmStartMillis();
        double buildCpu = fxThreadCpuMillis() - cpuEntered;
        scene.getStylesheets().addAll(FlowExplorerApp.class.getResource("app.css").toExternalForm(),
                FlowExplorerApp.class.getResource("controls.css").toExternalForm(),
                FlowExplorerApp.class.getResource("dark.css").toExternalForm());
        Theme.follow(window);
        scene.setRoot(window);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (measure) {
                log("explorer laid out %.0f ms after JVM start (FX thread CPU %.0f ms, process CPU %.0f ms)",
                        sinceJvmStartMillis(), fxThreadCpuMillis(), processCpuMillis());
                log("CPU ms by thread so far: %s", StartupCpu.byThread());
            }
            // after the explorer's first frame, not in it (see PreferenceActions.showWelcomeIfDue)
            Platform.runLater(window.preferences()::showWelcomeIfDue);
            startWorker();
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setOnHidden(e -> {
            remember();
            shutdown();
        });
        window.preferences().attach(preferences);
        java.util.Optional<java.nio.file.Path> startFile = getParameters() == null ? java.util.Optional.empty()
                : LessonArgument.from(getParameters().getRaw());
        pump = new SnapshotPump(worker::latest, viewModel::accept);
        pump.start();

        AppConfig cfg = c;
        if (c.density()) {
            viewModel.plots().densityVisibleProperty().set(true);
        }
        long[] readyAt = {0};
        // the whole snapshot, not the ready flag: that flag is set while the snapshot is still being handed
        // on, and the form filled in after it would send the old learning rate after a preset's (issue 14)
        viewModel.snapshotProperty().addListener((o, was, s) -> {
            if (s.phase() == org.flowexplorer.app.worker.Snapshot.Phase.READY && readyAt[0] == 0) {
                readyAt[0] = System.nanoTime();
                if (measure) {
                    log("model ready %.0f ms after JVM start (first build incl. BLAS load %.0f ms; process CPU %.0f ms)",
                            sinceJvmStartMillis(), worker.latest().timings().firstBuildMillis(), processCpuMillis());
                }
                String preset = System.getProperty("flowexplorer.preset"); // for screenshots: the preset whose name starts so
                if (preset != null) {
                    org.flowexplorer.app.preset.Presets.all().stream().filter(p -> p.name().startsWith(preset)).findFirst()
                            .ifPresent(viewModel::applyPreset);
                }
                if (cfg.autoplay()) {
                    viewModel.training().play();
                }
                startFile.ifPresent(window.lessons()::openFileArgument);
                if (Boolean.getBoolean("flowexplorer.demo")) {
                    // for screenshots: samples, a query point and the stepper half-way
                    viewModel.form().sample();
                    viewModel.plots().queryLatent(1.2, 1.0);
                    viewModel.layers().layerPositionProperty().set(Double.parseDouble(
                            System.getProperty("flowexplorer.demoLayer", "4.5")));
                    if (Boolean.getBoolean("flowexplorer.demoDraw")) {
                        // a drawn spiral arm added to the data, as a user would with the brush
                        viewModel.sketch().drawModeProperty().set(DrawMode.DRAW);
                        viewModel.sketch().beginStroke(-1.0, -1.2);
                        for (int i = 1; i <= 40; i++) {
                            double a = i * 0.12;
                            viewModel.sketch().continueStroke(-1.0 + 0.06 * i * Math.cos(a), -1.2 + 0.06 * i * Math.sin(a));
                        }
                        viewModel.sketch().endStroke();
                        if (cfg.autoplay()) {
                            viewModel.training().play();
                        }
                    }
                    switch (System.getProperty("flowexplorer.demoTab", "explorer")) {
                        case "inspector" -> window.tabs().getSelectionModel().select(window.tabs().inspectorTab());
                        case "worked" -> window.tabs().getSelectionModel().select(window.tabs().workedExampleTab());
                        case "gallery" -> window.tabs().getSelectionModel().select(window.tabs().maskGalleryTab());
                        default -> { }
                    }
                }
                if (measure) {
                    // let the training settle (a second unless -Dflowexplorer.measureSettle=SECONDS says
                    // longer: the JIT compiles for 20-30 s, so a steady-state figure waits that long), then measure
                    javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                            javafx.util.Duration.seconds(Double.parseDouble(
                                    System.getProperty("flowexplorer.measureSettle", "1"))));
                    wait.setOnFinished(ev -> new FrameStats(scene, cfg.measureFpsSeconds(), System.out::println,
                            this::measureContext).counting("steps", () -> worker.latest().status().step()).start(() -> {
                                if (cfg.exitAfterMeasure()) {
                                    Platform.exit();
                                }
                            }));
                    wait.play();
                }
            }
        });
        if (measure) {
            log("explorer building started %.0f ms after JVM start, built %.0f ms (FX thread CPU %.0f ms building)",
                    startEntered, windowBuilt, buildCpu);
        }
        // The worker (loading ND4J and OpenBLAS, building the data and the model) starts once the
        // explorer's first layout is done, not before: with it and its share of the JIT, the process
        // spent about 1.7 s more CPU before that layout, on the same two cores as the FX thread. Measured
        // (2026-12-02, java -jar, 1024x768, 6 interleaved pairs, load 5-7): laid out 6.6 -> 4.6 s, model
        // ready 7.7 -> 7.6 s (medians; both earlier in 5 of the 6 pairs). Should no layout pulse come
        // (a window that never shows), it starts after 3 s all the same.
        java.util.concurrent.CompletableFuture.delayedExecutor(3, java.util.concurrent.TimeUnit.SECONDS)
                .execute(() -> Platform.runLater(this::startWorker));
    }

    /** Starts the training worker's thread, once, unless the app has shut down (shutdown may run on any thread). */
    private synchronized void startWorker() {
        if (!workerStartedOrClosed) {
            workerStartedOrClosed = true;
            worker.start();
        }
    }

    private String measureContext() {
        Snapshot s = worker.latest();
        String density = s.view().density() == null ? "density off"
                : String.format(Locale.ROOT, "density %.1f ms (%dx%d)", s.timings().densityMillis(),
                        s.view().density().width(), s.view().density().height());
        return String.format(Locale.ROOT,
                "%d displayed points, %s, step %d, %.0f steps/s, training %.0f%% of worker time, view data %.1f%%, step %.1f ms, trace %.1f ms, %s",
                s.view().points() == null ? 0 : s.view().points().length / 2, s.settings().architecture(), s.status().step(), s.status().stepsPerSecond(),
                100 * s.timings().trainShare(), 100 * s.timings().viewShare(), s.timings().stepMillis(), s.timings().traceMillis(), density);
    }

    /** Since the launch: the first JVM's start when {@code java -jar} re-ran the app in a tuned JVM. */
    private static double sinceJvmStartMillis() {
        long start = Long.getLong("flowexplorer.launchedAt", ManagementFactory.getRuntimeMXBean().getStartTime());
        return System.currentTimeMillis() - start;
    }

    /**
     * CPU time of the calling (FX) thread: unlike the wall-clock times it hardly depends on what else
     * the machine runs, so start-up changes can be compared on a busy machine.
     */
    private static double fxThreadCpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
    }

    /** CPU time of this JVM, all threads (the relaunching parent's is not included). */
    private static double processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e6 : Double.NaN;
    }

    private static void log(String fmt, Object... args) {
        System.out.println("[measure] " + String.format(Locale.ROOT, fmt, args));
    }


    /** Stores window size and the controls' settings for the next start. */
    private void remember() {
        if (preferences == null || stage == null || viewModel == null || !viewModel.training().readyProperty().get()) {
            return;
        }
        try {
            preferences.setWindowBounds(new org.flowexplorer.app.prefs.WindowBounds(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        } catch (IllegalArgumentException e) {
            // e.g. a minimised window: keep what was stored
        }
        window.preferences().storeLayout();
        try {
            preferences.setLastSettings(viewModel.lastSettings());
        } catch (IllegalArgumentException e) {
            // nothing worth remembering
        }
    }

    /** Stops the window watch, the snapshot pump, the worker thread and the task runner (idempotent). */
    public void shutdown() {
        if (watch != null) {
            watch.stop();
        }
        if (pump != null) {
            pump.stop();
        }
        if (window != null) {
            window.actions().exports().cancelRunning();
        }
        if (compareRun != null) {
            compareRun.stop(); // side B's worker: interrupted now, so both threads end within the same second
        }
        if (worker != null) {
            synchronized (this) {
                workerStartedOrClosed = true; // a start still due after the first layout must not follow
            }
            worker.close(); // waits at most 1 s; the interrupt ends a step in progress
        }
        // a save in progress is atomic (temporary file, then rename): interrupting it leaves no partial file
        tasks.shutdown(1_000);
    }

    @Override
    public void stop() {
        shutdown();
    }

    /** The runner for background work (shut down with the window). */
    public TaskRunner tasks() {
        return tasks;
    }

    public TrainingWorker worker() {
        return worker;
    }

    public ExplorerViewModel viewModel() {
        return viewModel;
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }
}
