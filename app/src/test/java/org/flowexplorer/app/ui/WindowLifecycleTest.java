package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.flowexplorer.app.AppConfig;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * However the window goes, nothing of the app keeps running (issue 10, item 9): a window hidden
 * without a close request stops the worker and the task runner, and a stage whose native window
 * was destroyed from outside is hidden, which runs the same path.
 */
@org.junit.jupiter.api.Timeout(value = 2, unit = TimeUnit.MINUTES)
class WindowLifecycleTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void hidingTheWindowWithoutACloseRequestStopsTheWorkerAndTheTaskRunner() throws Exception {
        AppConfig config = new AppConfig(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 0),
                new ArchitectureSettings(2, new int[] {8}, CouplingType.AFFINE, 0),
                new TrainingConfig(64, 5e-3, 1.0, 0), TrainingWorker.Options.defaults().withDensityResolution(32, 16),
                false, false, 0, false, 800, 600);
        FlowExplorerApp app = new FlowExplorerApp(config);
        Stage[] stage = new Stage[1];
        try {
            onFx(() -> {
                stage[0] = new Stage();
                app.start(stage[0]);
                return null;
            });
            await("worker running", () -> app.worker().thread() != null && app.worker().thread().isAlive());
            Thread workerThread = app.worker().thread();
            onFx(() -> {
                stage[0].hide();
                return null;
            });
            await("worker stopped", () -> !workerThread.isAlive());
            assertTrue(app.tasks().isShutdown(), "the task runner is shut down with the window");
        } finally {
            app.shutdown();
        }
    }

    @Test
    void aStageWhoseNativeWindowIsGoneIsHidden() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        AtomicBoolean hiddenEvent = new AtomicBoolean();
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Pane(), 200, 100));
            s.setOnHidden(e -> hiddenEvent.set(true));
            s.show();
            new NativeWindowWatch(s, alive::get, Duration.millis(20)).start();
            return s;
        });
        Thread.sleep(200);
        assertTrue(onFx(stage::isShowing), "a live window stays");
        alive.set(false);
        await("stage hidden", () -> !stage.isShowing());
        assertTrue(hiddenEvent.get(), "the hidden handlers ran (settings remembered, worker stopped)");
        assertFalse(onFx(stage::isShowing));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            if (!condition.getAsBoolean()) {
                return false;
            }
            return true;
        });
        assertTrue(condition.getAsBoolean(), what);
    }
}
