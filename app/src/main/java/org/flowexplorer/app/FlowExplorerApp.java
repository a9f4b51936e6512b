package org.flowexplorer.app;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.flowexplorer.app.session.AppPreferences;
import org.flowexplorer.app.ui.FrameStats;
import org.flowexplorer.app.ui.MainWindow;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.SnapshotPump;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;

/**
 * The Flow Explorer window. The window is shown at once; the training worker thread then builds the
 * data and the model (loading OpenBLAS the first time) and training is enabled when it reports
 * ready. Hiding the window or {@link #stop()} stops the worker (interrupt + join).
 */
public class FlowExplorerApp extends Application {
    private final AppConfig config;
    private TrainingWorker worker;
    private ExplorerViewModel viewModel;
    private SnapshotPump pump;
    private MainWindow window;
    private Stage stage;

    public FlowExplorerApp() {
        this(null);
    }

    /** @param config start-up settings; null reads system properties at start */
    public FlowExplorerApp(AppConfig config) {
        this.config = config;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        AppConfig c = config != null ? config : AppConfig.fromSystemProperties();
        if (c.measureFpsSeconds() <= 0 && getParameters() != null
                && getParameters().getRaw().stream().anyMatch(a -> a.startsWith("--measure-fps"))) {
            c = c.withMeasure(10);
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        worker = new TrainingWorker(c.dataset(), c.architecture(), c.training(), c.options(), System::nanoTime);
        // a real start remembers recent files in the user's preferences; a test's explicit config keeps them in memory
        viewModel = config == null
                ? new ExplorerViewModel(worker, worker.latest(), ioExecutor(), Platform::runLater,
                        new AppPreferences(AppPreferences.defaultNode()))
                : new ExplorerViewModel(worker, worker.latest());
        window = new MainWindow(viewModel);
        Scene scene = new Scene(window, c.width(), c.height());
        scene.getStylesheets().add(FlowExplorerApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("Flow Explorer — RealNVP on 2-D data");
        stage.setScene(scene);
        stage.setOnHidden(e -> shutdown());
        pump = new SnapshotPump(worker::latest, viewModel::accept);
        pump.start();

        boolean measure = c.measureFpsSeconds() > 0;
        AppConfig cfg = c;
        if (c.density()) {
            viewModel.densityVisibleProperty().set(true);
        }
        long[] readyAt = {0};
        viewModel.readyProperty().addListener((o, was, ready) -> {
            if (ready && readyAt[0] == 0) {
                readyAt[0] = System.nanoTime();
                if (measure) {
                    log("model ready %.0f ms after JVM start (first build incl. BLAS load %.0f ms)",
                            sinceJvmStartMillis(), worker.latest().timings().firstBuildMillis());
                }
                if (cfg.autoplay()) {
                    viewModel.play();
                }
                if (Boolean.getBoolean("flowexplorer.demo")) {
                    // for screenshots: samples, a query point and the stepper half-way
                    viewModel.sample();
                    viewModel.queryLatent(1.2, 1.0);
                    viewModel.layerPositionProperty().set(Double.parseDouble(
                            System.getProperty("flowexplorer.demoLayer", "4.5")));
                    switch (System.getProperty("flowexplorer.demoTab", "explorer")) {
                        case "worked" -> window.tabs().getSelectionModel().select(window.tabs().workedExampleTab());
                        case "gallery" -> window.tabs().getSelectionModel().select(window.tabs().maskGalleryTab());
                        default -> { }
                    }
                }
                if (measure) {
                    // let the training settle for a second, then measure
                    javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                            javafx.util.Duration.seconds(1));
                    wait.setOnFinished(ev -> new FrameStats(scene, cfg.measureFpsSeconds(), System.out::println,
                            this::measureContext).start(() -> {
                                if (cfg.exitAfterMeasure()) {
                                    Platform.exit();
                                }
                            }));
                    wait.play();
                }
            }
        });
        stage.setOnShown(e -> {
            if (measure) {
                log("window on screen %.0f ms after JVM start", sinceJvmStartMillis());
            }
        });
        stage.show();
        worker.start();
    }

    private static java.util.concurrent.Executor ioExecutor() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flow-explorer-io");
            t.setDaemon(true);
            return t;
        });
    }

    private String measureContext() {
        Snapshot s = worker.latest();
        return String.format(Locale.ROOT,
                "%d displayed points, %s, step %d, %.0f steps/s, step %.1f ms, trace %.1f ms, density %.1f ms (%dx%d)",
                s.points() == null ? 0 : s.points().length / 2, s.architecture(), s.step(), s.stepsPerSecond(),
                s.timings().stepMillis(), s.timings().traceMillis(), s.timings().densityMillis(),
                s.density() == null ? 0 : s.density().width(), s.density() == null ? 0 : s.density().height());
    }

    private static double sinceJvmStartMillis() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void log(String fmt, Object... args) {
        System.out.println("[measure] " + String.format(Locale.ROOT, fmt, args));
    }

    /** Stops the snapshot pump and the worker thread (idempotent). */
    public void shutdown() {
        if (pump != null) {
            pump.stop();
        }
        if (worker != null) {
            worker.stop(2_000);
        }
    }

    @Override
    public void stop() {
        shutdown();
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
