package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.chart.Marker;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.chart.Viewport;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.flow.FlowTrace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window, headless (Monocle), driven like a user: small model (hidden 16,16) for speed.
 * Robust under machine load: every wait is a generous WaitForAsyncUtils condition (no fixed sleeps
 * deciding outcomes), each test has an overall timeout, and the app is shut down after each test
 * even if hiding the stage fails.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class ExplorerWindowTest {
    private static final int LAYERS = 6;
    private final FxRobot robot = new FxRobot();
    private TestApps.Running running;
    private FlowExplorerApp app;
    private Stage stage;

    @BeforeEach
    void startApp() throws Exception {
        running = TestApps.start(TestApps.config(1000, LAYERS, new int[] {16, 16}, 64));
        app = running.app();
        stage = running.stage();
        await("model ready", () -> app.viewModel().training().readyProperty().get());
    }

    @AfterEach
    void closeApp() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void playAdvancesStepsAndLowersTheLossAndPauseStops() throws Exception {
        Label counter = robot.lookup("#step-counter").queryAs(Label.class);
        assertEquals("0", fx(counter::getText));
        // the step-0 test NLL follows the first ready snapshot (Experiment.buildForFirstFrame)
        await("step-0 test NLL", () -> Double.isFinite(app.worker().latest().status().testNll()));
        double nll0 = app.worker().latest().status().testNll();
        robot.clickOn(reveal("#play"));
        await("steps advance", () -> app.viewModel().training().stepProperty().get() > 150);
        // the counter is a paced readout (PacedText): it shows the newest step within 100 ms
        await("the counter shows the steps", () -> Long.parseLong(fx(counter::getText)) > 0);
        robot.clickOn(reveal("#play")); // pause
        await("paused", () -> !app.worker().latest().status().playing());
        Snapshot s = app.worker().latest();
        assertTrue(s.status().testNll() < nll0 - 0.3, "test NLL " + nll0 + " -> " + s.status().testNll());
        assertTrue(s.status().trainNll() < LossCurve.train(s.loss()).values()[0] - 0.3, "train NLL " + LossCurve.train(s.loss()).values()[0]
                + " -> " + s.status().trainNll());
        long stopped = s.status().step();
        // paused means no more steps: a few more publications (commands handled) show the same step
        long handled = app.worker().latest().commandsHandled();
        app.viewModel().form().clearSamples();
        app.viewModel().plots().clearQuery();
        await("two more commands handled", () -> app.worker().latest().commandsHandled() >= handled + 2);
        assertEquals(stopped, app.worker().latest().status().step());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Long.toString(stopped), fx(counter::getText));
    }

    @Test
    void learningRateChangeMidTrainingReachesTheTrainer() throws Exception {
        robot.clickOn(reveal("#play"));
        await("training", () -> app.worker().latest().status().step() > 20);
        ComboBox<?> lr = robot.lookup("#learning-rate").queryAs(ComboBox.class);
        robot.clickOn(reveal(lr)).eraseText(8);
        robot.write("2e-3").type(javafx.scene.input.KeyCode.ENTER);
        await("lr applied", () -> get(app.worker().forTesting().onWorkerThread(t -> t.config().learningRate())) == 2e-3);
        long at = app.worker().latest().status().step();
        await("still training with it", () -> app.worker().latest().status().step() > at + 10);
        assertEquals(2e-3, get(app.worker().forTesting().onWorkerThread(t -> t.config().learningRate())));
        assertEquals(2e-3, app.worker().latest().settings().learningRate());
        assertTrue(app.worker().latest().status().playing());
    }

    @Test
    void invalidHiddenSizesShowAnInlineError() throws Exception {
        TextField hidden = robot.lookup("#hidden").queryAs(TextField.class);
        robot.clickOn(reveal(hidden)).eraseText(10).write("64,x").clickOn(reveal("#apply-model"));
        Label error = robot.lookup("#architecture-error").queryAs(Label.class);
        assertTrue(fx(error::isVisible));
        assertTrue(fx(error::getText).contains("\"x\" is not a number"), fx(error::getText));
        assertEquals(LAYERS, app.worker().latest().layers());
    }

    @Test
    void stepperShowsDataAtLayerZeroAndLatentAtLayerL() throws Exception {
        robot.clickOn(reveal("#play"));
        await("training", () -> app.worker().latest().status().step() > 30);
        robot.clickOn(reveal("#play"));
        await("paused and traced", () -> {
            Snapshot s = app.worker().latest();
            return !s.status().playing() && app.viewModel().getSnapshot() == s;
        });
        Snapshot s = app.worker().latest();
        FlowTrace expected = get(app.worker().forTesting().onWorkerThread(t -> t.model().traceForward(s.view().points())));
        onFx(() -> {
            app.viewModel().layers().layerPositionProperty().set(0);
            return null;
        });
        assertArrayEquals(s.view().points(), fx(() -> app.viewModel().layers().stepperFrameProperty().get().points()));
        onFx(() -> {
            app.window().stepper().scrubber().setPosition(LAYERS);
            return null;
        });
        assertArrayEquals(expected.positions()[LAYERS], fx(() -> app.viewModel().layers().stepperFrameProperty().get().points()),
                1e-6f);
        assertArrayEquals(expected.positions()[LAYERS], s.view().trace().positions()[LAYERS], 1e-6f);
        assertTrue(fx(() -> app.window().stepper().scrubber().getLabelText()).contains(Integer.toString(LAYERS)));
        // the mask view follows: clicking on a layer row moves the stepper there
        onFx(() -> {
            app.window().stepper().masks().selectedLayerProperty().set(2);
            return null;
        });
        assertEquals(2.0, fx(() -> app.viewModel().layers().layerPositionProperty().get()));
        assertEquals(2, fx(() -> app.window().stepper().masks().getHighlightedLayer()));
    }

    @Test
    void sampleProducesPoints() throws Exception {
        robot.clickOn(reveal("#sample"));
        await("samples", () -> app.worker().latest().view().samples() != null);
        Snapshot s = app.worker().latest();
        assertEquals(2000, s.view().samples().data().length);
        float[] expected = get(app.worker().forTesting().onWorkerThread(t -> t.model().inverse(s.view().samples().latent(), null)));
        assertArrayEquals(expected, s.view().samples().data(), 1e-6f);
    }

    @Test
    void draggingALatentPointMovesItsDataImageConsistentlyWithTheInverse() throws Exception {
        robot.clickOn(reveal("#play"));
        await("training", () -> app.worker().latest().status().step() > 30);
        robot.clickOn(reveal("#play"));
        PlotView latent = app.window().latentSpace().plot();
        Viewport vp = fx(latent::getViewport);
        Bounds screen = fx(() -> latent.localToScreen(latent.getBoundsInLocal()));
        double[] origin = fx(() -> {
            // screen position of z = (0.5, 0.5)
            double[] probe = latent.toData(0, 0);
            return new double[] {screen.getMinX() + vp.toPixelX(0.5) - vp.toPixelX(probe[0]),
                    screen.getMinY() + vp.toPixelY(0.5) - vp.toPixelY(probe[1])};
        });
        robot.moveTo(new javafx.geometry.Point2D(origin[0], origin[1])).press(MouseButton.PRIMARY);
        robot.moveBy(25, 0).moveBy(25, 20);
        robot.release(MouseButton.PRIMARY);
        double dz = 50 / vp.scale();
        // the drag's intermediate positions are answered too: wait for the one at the release point
        // (waiting for any query 0.2 away from the start once caught the first move's, 25 px short)
        await("query at the release point answered", () -> {
            Snapshot.QueryResult r = app.worker().latest().view().query();
            return r != null && Math.abs(r.latentX() - (0.5 + dz)) < 0.05
                    && Math.abs(r.latentY() - (0.5 - 20 / vp.scale())) < 0.05;
        });
        Snapshot.QueryResult q = app.worker().latest().view().query();
        assertEquals(0.5 + dz, q.latentX(), 0.05);
        assertEquals(0.5 - 20 / vp.scale(), q.latentY(), 0.05);
        float[] x = get(app.worker().forTesting().onWorkerThread(t -> t.model().inverse(new float[] {(float) q.x(), (float) q.y()}, null)));
        assertEquals(x[0], q.dataX(), 1e-5);
        assertEquals(x[1], q.dataY(), 1e-5);
        assertTrue(q.roundTripError() < 1e-4);
        assertEquals(2 * (LAYERS + 1), q.path().length);
        // the data-space plot shows the image with its path
        await("marker drawn", () -> fx(() -> app.window().dataSpace().plot().getMarkers().size() == 1
                && app.window().dataSpace().plot().getMarkers().get(0).x() == q.dataX()));
        Marker m = fx(() -> app.window().dataSpace().plot().getMarkers().get(0));
        assertEquals(q.dataY(), m.y(), 1e-9);
        assertNotNull(m.path());
        Label text = robot.lookup("#query-text").queryAs(Label.class);
        assertTrue(fx(text::getText).contains("round-trip error"));
    }

    @Test
    void drawnPointsShowAtOnceAndBecomeTheTrainingData() throws Exception {
        // the draw controls sit low in the (scrolling) control panel: use them without scrolling
        fx(() -> {
            lookupButton("#draw-mode-draw").fire();
            lookupButton("#draw-clear").fire();
            return null;
        });
        assertEquals(org.flowexplorer.app.viewmodel.DrawMode.DRAW,
                fx(() -> app.viewModel().sketch().drawModeProperty().get()));
        PlotView data = app.window().dataSpace().plot();
        Bounds screen = fx(() -> data.localToScreen(data.getBoundsInLocal()));
        robot.moveTo(new javafx.geometry.Point2D(screen.getCenterX() - 60, screen.getCenterY()))
                .press(MouseButton.PRIMARY);
        robot.moveBy(40, 20).moveBy(40, -20).moveBy(40, 20);
        await("points drawn", () -> fx(() -> app.viewModel().sketch().sketchPointsProperty().get().length > 20));
        robot.release(MouseButton.PRIMARY);
        await("training on drawn points", () -> app.worker().latest().customData());
        float[] drawn = fx(() -> app.viewModel().sketch().sketchPointsProperty().get());
        Snapshot s = app.worker().latest();
        assertArrayEquals(drawn, s.view().points());
        int size = get(app.worker().forTesting().onWorkerThread(t -> t.dataSize()));
        assertEquals(drawn.length / 2, size);
        await("status says so", () -> fx(() -> app.viewModel().status().messageProperty().get()).contains("your own data"));
        robot.clickOn(reveal("#play"));
        await("training", () -> app.worker().latest().status().step() > 5);
        robot.clickOn(reveal("#play"));
        fx(() -> {
            lookupButton("#draw-mode-off").fire();
            return null;
        });
    }

    @Test
    void inspectorShowsTheModelsNumbersForTheClickedPoint() throws Exception {
        PlotView data = app.window().dataSpace().plot();
        Bounds screen = fx(() -> data.localToScreen(data.getBoundsInLocal()));
        fx(() -> {
            app.viewModel().layers().layerPositionProperty().set(1);
            return null;
        });
        robot.clickOn(new javafx.geometry.Point2D(screen.getCenterX() + 10, screen.getCenterY() - 10));
        await("inspection", () -> fx(() -> app.viewModel().layers().inspectionProperty().get() != null
                && app.viewModel().layers().inspectionProperty().get().layer() == 1));
        org.flowexplorer.model.teach.CouplingInspection in = fx(() -> app.viewModel().layers().inspectionProperty().get());
        float[] p = in.point();
        FlowTrace t = get(app.worker().forTesting().onWorkerThread(tr -> tr.model().traceForward(p)));
        for (int d = 0; d < 2; d++) {
            assertEquals(t.positions()[1][d], in.input()[d], 0);
            assertEquals(t.positions()[2][d], in.output()[d], 1e-5);
        }
        var view = app.window().inspector().view();
        await("inspector shows it", () -> fx(() -> view.headerLabel().getText().contains("in coupling 2 of")));
        fx(() -> {
            view.inverseButton().fire();
            return null;
        });
        await("inverse", () -> fx(() -> app.viewModel().layers().inspectionProperty().get().direction()
                == org.flowexplorer.model.teach.CouplingInspection.Direction.INVERSE));
        // the full-size inspector tab shows the same live inspection and direction (its view joins the
        // scene when the tab is first opened, having followed the view model meanwhile)
        fx(() -> {
            app.window().tabs().getSelectionModel().select(app.window().tabs().inspectorTab());
            return null;
        });
        var full = (InspectorPane) fx(() -> stage.getScene().lookup("#inspector-full"));
        await("full-size inspector follows", () -> fx(() -> full.view().getInspection()
                == app.viewModel().layers().inspectionProperty().get()
                && full.view().getDirection() == org.flowexplorer.model.teach.CouplingInspection.Direction.INVERSE));
    }

    @Test
    void closingTheWindowDuringTrainingEndsTheWorker() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        robot.clickOn(reveal("#play"));
        await("training", () -> app.worker().latest().status().step() > 10);
        Thread worker = app.worker().thread();
        assertTrue(worker.isAlive());
        assertTrue(worker.isDaemon());
        long t0 = System.nanoTime();
        onFx(() -> {
            stage.close();
            return null;
        });
        worker.join(2000);
        assertFalse(worker.isAlive(), "worker still running");
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        Set<Thread> after = nonDaemonThreads();
        after.removeAll(before);
        assertTrue(after.isEmpty(), "new non-daemon threads: " + after);
    }

    // ---------------------------------------------------------------- helpers

    private javafx.scene.control.ButtonBase lookupButton(String id) {
        return (javafx.scene.control.ButtonBase) stage.getScene().lookup(id);
    }

    /**
     * Scrolls the control column so that the node is inside the window: at 1280×800 the column is
     * taller than the window, and the robot only clicks what it can see.
     */
    private String reveal(String query) {
        reveal(robot.lookup(query).query());
        return query;
    }

    private <N extends javafx.scene.Node> N reveal(N node) {
        fx(() -> {
            javafx.scene.Node n = node.getParent();
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                double content = sp.getContent().getLayoutBounds().getHeight();
                double viewport = sp.getViewportBounds().getHeight();
                double y = sp.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                double v = content > viewport
                        ? (y + node.getLayoutBounds().getHeight() / 2 - viewport / 2) / (content - viewport) : 0;
                sp.setVvalue(Math.max(0, Math.min(1, v)));
                sp.layout();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }

    private static Set<Thread> nonDaemonThreads() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !t.isDaemon()) {
                out.add(t);
            }
        }
        return out;
    }

    private static <T> T get(java.util.concurrent.Future<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return fx(c);
    }

    private static void await(String what, BooleanSupplier c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }
}
