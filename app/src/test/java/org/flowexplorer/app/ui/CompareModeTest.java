package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.flowexplorer.app.AppConfig;
import org.flowexplorer.app.preset.CompareSide;
import org.flowexplorer.app.lesson.BuiltInLessons;
import org.flowexplorer.app.lesson.Lesson;
import org.flowexplorer.app.lesson.LessonAction;
import org.flowexplorer.app.lesson.LessonStep;
import org.flowexplorer.app.lesson.OpenedLesson;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.worker.ReplayState;
import java.util.Set;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.viewmodel.CompareViewModel;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.train.LossSnapshot;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.flowexplorer.app.testing.FxTesting.onFx;

/**
 * Compare mode in the whole window (issue 13): the two models trained in parallel are exactly the
 * two models separate runs with the same settings give, closing the window ends every thread of
 * both within a second, and the compare controls fit a 1024×768 window.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class CompareModeTest {
    private static final CompareSide SIDE_B = new CompareSide("additive",
            new Architecture(3, new int[] {12}, CouplingType.ADDITIVE), new TrainingConfig(64, 1e-2, 1.0, 7));

    private static AppConfig config(int width, int height) {
        AppConfig c = TestApps.config(500, 2, new int[] {16}, 32);
        return new AppConfig(c.dataset(), c.architecture(), c.training(), c.options(), false, false, 0, false, width,
                height);
    }

    @Test
    void bothModelsEqualTwoSeparateRunsWithTheSameSettings() throws Exception {
        AppConfig cfg = config(1280, 800);
        try (TestApps.Running running = TestApps.start(cfg)) {
            MainWindow w = running.app().window();
            CompareViewModel compare = enterCompare(w);
            ExplorerViewModel b = trainBothThenPause(w, compare, 120);
            LossSnapshot lossA = onFx(() -> w.viewModel().getSnapshot().loss());
            LossSnapshot lossB = onFx(() -> b.getSnapshot().loss());
            assertTrue(lossA.lastStep() >= 120 && lossB.lastStep() >= 120, lossA.lastStep() + " " + lossB.lastStep());

            TrainingWorker.Options options = cfg.options();
            assertEquals(lossA, separateRun(new TrainingWorker(cfg.dataset(), cfg.architecture(), cfg.training(),
                    options, System::nanoTime), lossA.lastStep()), "side A = a run of its own");
            ArchitectureSettings archB = new ArchitectureSettings(3, new int[] {12}, CouplingType.ADDITIVE, 7);
            assertEquals(lossB, separateRun(new TrainingWorker(cfg.dataset(), archB, SIDE_B.training(), options,
                    System::nanoTime), lossB.lastStep()), "side B = a run of its own");
        }
    }

    @Test
    void closingTheWindowInCompareModeEndsAllThreadsWithinASecond() throws Exception {
        TestApps.Running running = TestApps.start(config(1280, 800));
        try {
            MainWindow w = running.app().window();
            trainBoth(w, enterCompare(w), 20);
            List<Thread> ours = appThreads();
            List<String> names = ours.stream().map(Thread::getName).toList();
            assertTrue(names.contains(TrainingWorker.THREAD_NAME), names.toString());
            assertTrue(names.contains(TrainingWorker.THREAD_NAME + "-b"), names.toString());
            long t0 = System.nanoTime();
            onFx(() -> {
                running.stage().hide(); // the window goes: the app shuts down
                return null;
            });
            long deadline = t0 + 1_000_000_000L;
            for (Thread t : ours) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            double millis = (System.nanoTime() - t0) / 1e6;
            List<String> alive = ours.stream().filter(Thread::isAlive).map(Thread::getName).toList();
            assertTrue(alive.isEmpty(), "still alive " + millis + " ms after close: " + alive);
            assertTrue(millis <= 1000, "all ended, but after " + millis + " ms");
        } finally {
            running.close();
        }
    }

    @Test
    void compareControlsLieInsideA1024By768Window() throws Exception {
        try (TestApps.Running running = TestApps.start(config(1024, 768))) {
            MainWindow w = running.app().window();
            CompareViewModel compare = enterCompare(w);
            ExplorerViewModel b = onFx(() -> compare.sideBModelProperty().get());
            await("side B ready", () -> fx(() -> b.training().readyProperty().get()));
            WaitForAsyncUtils.waitForFxEvents();
            ComparePane pane = onFx(() -> (ComparePane) w.comparePane());
            assertSame(pane, onFx(w::getCenter), "the compare pane replaces the explorer");
            double width = onFx(() -> w.getScene().getWidth());
            double height = onFx(() -> w.getScene().getHeight());
            assertEquals(1024, width, 1);
            List<String> outside = onFx(() -> {
                List<String> out = new ArrayList<>();
                for (String id : new String[] {"#compare-play", "#compare-step", "#compare-edit-b", "#compare-png",
                    "#compare-svg", "#compare-gif", "#compare-leave", "#compare-loss", "#compare-verdict"}) {
                    Node n = pane.lookup(id);
                    if (n == null) {
                        out.add(id + " missing");
                        continue;
                    }
                    Bounds s = n.localToScene(n.getLayoutBounds());
                    if (s.getMinX() < -0.5 || s.getMinY() < -0.5 || s.getMaxX() > width + 0.5 || s.getMaxY() > height + 0.5
                            || s.getWidth() < 1 || s.getHeight() < 1) {
                        out.add(id + " at " + s);
                    }
                }
                for (int side = 0; side < 2; side++) {
                    for (var plot : pane.plots(side)) {
                        Bounds s = plot.localToScene(plot.getLayoutBounds());
                        if (s.getMaxX() > width + 0.5 || s.getMaxY() > height + 0.5 || s.getWidth() < 100 || s.getHeight() < 80) {
                            out.add("plot of side " + side + " at " + s);
                        }
                    }
                    javafx.scene.layout.Region scrubber = pane.stepper(side).scrubber();
                    Bounds s = scrubber.localToScene(scrubber.getLayoutBounds());
                    if (s.getMaxY() > height + 0.5 || s.getHeight() < 1) {
                        out.add("stepper of side " + side + " at " + s);
                    }
                    // the stepper's plot (its h₁ axis title at its foot) ends above its play/slider row
                    var stepperPlot = pane.stepper(side).plot();
                    Bounds p = stepperPlot.localToScene(stepperPlot.getLayoutBounds());
                    if (p.getMaxY() > s.getMinY() + 0.5) {
                        out.add("stepper plot of side " + side + " at " + p + " runs under its scrubber at " + s);
                    }
                }
                return out;
            });
            assertTrue(outside.isEmpty(), outside.toString());
            // leaving restores the normal window
            Node normal = onFx(() -> {
                compare.leave();
                return w.getCenter();
            });
            assertFalse(normal instanceof ComparePane);
            assertNotNull(onFx(() -> w.lookup("#controls-scroll")), "the explorer with its control column is back");
        }
    }

    @Test
    void sideBFollowsSideAsTimeline() throws Exception {
        try (TestApps.Running running = TestApps.start(config(1280, 800))) {
            MainWindow w = running.app().window();
            CompareViewModel compare = enterCompare(w);
            ExplorerViewModel b = trainBothThenPause(w, compare, 60);
            assertTrue(onFx(() -> w.lookup("#compare-timeline") != null), "the compare pane has a timeline");
            long[] stepsA = onFx(() -> w.viewModel().replay().stepsProperty().get());
            int index = 30; // step 30: both sides keep every step up to 50
            onFx(() -> {
                w.viewModel().replay().show(index);
                return null;
            });
            long shownA = stepsA[index];
            await("side B shows its checkpoint at A's step", () -> fx(() -> b.replay().shownStepProperty().get() == shownA));
            onFx(() -> {
                w.viewModel().replay().showLive();
                return null;
            });
            await("side B live again with A", () -> fx(() -> b.replay().shownStepProperty().get() == ReplayState.LIVE));
        }
    }

    @Test
    void aLessonsCompareStepEntersTheNamedComparison() throws Exception {
        try (TestApps.Running running = TestApps.start(config(1280, 800))) {
            MainWindow w = running.app().window();
            await("side A ready", () -> fx(() -> w.viewModel().training().readyProperty().get()));
            OpenedLesson shipped = BuiltInLessons.all().get(0).open();
            Lesson l = shipped.lesson();
            String name = Presets.COMPARE_AFFINE_ADDITIVE.name();
            Lesson comparing = new Lesson(l.title(), l.summary(), l.source(), l.points(), l.architecture(), l.training(),
                    Set.of(), Set.of(), Set.of(), 0, null,
                    List.of(new LessonStep("Two flows side by side.", null, new LessonAction.Compare(name))));
            onFx(() -> {
                w.lessons().start(new OpenedLesson(comparing, shipped.session(), shipped.name(), List.of()));
                return null;
            });
            CompareViewModel compare = onFx(w::compare);
            await("compare mode entered by the lesson's first step", () -> fx(compare::isActive));
            assertEquals(CouplingType.ADDITIVE, onFx(() -> compare.sideBSettingsProperty().get().architecture().coupling()));
            assertTrue(onFx(() -> w.getCenter() instanceof ComparePane), "the compare pane is shown");
        }
    }

    @Test
    void drawnPointsAreSharedWithSideBAndSameSeedRunsStillReproduce() throws Exception {
        AppConfig cfg = config(1280, 800);
        try (TestApps.Running running = TestApps.start(cfg)) {
            MainWindow w = running.app().window();
            ExplorerViewModel a = w.viewModel();
            await("side A ready", () -> fx(() -> a.training().readyProperty().get()));
            onFx(() -> { // a drawn stroke becomes side A's data, as with the brush
                a.sketch().drawModeProperty().set(org.flowexplorer.app.viewmodel.DrawMode.DRAW);
                a.sketch().clearSketch();
                a.sketch().beginStroke(1, 1);
                a.sketch().continueStroke(2, 2);
                a.sketch().continueStroke(2, 3);
                a.sketch().endStroke();
                return null;
            });
            await("side A trains on the drawn points", () -> fx(() -> a.getSnapshot().customData()
                    && a.training().readyProperty().get()));
            CompareViewModel compare = onFx(w::compare);
            assertTrue(onFx(() -> compare.enter(SIDE_B)), () -> fx(() -> compare.errorProperty().get()));
            await("compare mode on", () -> fx(compare::isActive));
            assertEquals("", onFx(() -> compare.errorProperty().get()));
            ExplorerViewModel b = onFx(() -> compare.sideBModelProperty().get());
            await("side B trains on drawn points", () -> fx(() -> b.getSnapshot().customData()
                    && b.training().readyProperty().get()));
            float[] pointsA = onFx(a::trainingPoints).get(30, TimeUnit.SECONDS);
            float[] pointsB = onFx(b::trainingPoints).get(30, TimeUnit.SECONDS);
            assertTrue(pointsA.length / 2 > 40, "drawn points: " + pointsA.length / 2);
            org.junit.jupiter.api.Assertions.assertArrayEquals(pointsA, pointsB, "both train on exactly the same points");

            trainBothThenPause(w, compare, 60);
            LossSnapshot lossB = onFx(() -> b.getSnapshot().loss());
            ArchitectureSettings archB = new ArchitectureSettings(3, new int[] {12}, CouplingType.ADDITIVE, 7);
            TrainingWorker alone = new TrainingWorker(cfg.dataset(), archB, SIDE_B.training(), cfg.options(), System::nanoTime);
            alone.submit(new org.flowexplorer.app.worker.Command.SetCustomData(pointsA, null));
            alone.initializeNow();
            alone.processPending();
            assertEquals(lossB, separateRun(alone, lossB.lastStep()), "side B = a run of its own on the drawn points");
        }
    }

    /** Enters compare mode with {@link #SIDE_B} once side A is ready. */
    private static CompareViewModel enterCompare(MainWindow w) throws Exception {
        await("side A ready", () -> fx(() -> w.viewModel().training().readyProperty().get()));
        CompareViewModel compare = onFx(w::compare);
        assertTrue(onFx(() -> compare.enter(SIDE_B)), () -> fx(() -> compare.errorProperty().get()));
        assertTrue(onFx(compare::isActive));
        return compare;
    }

    /** Plays both sides until each has taken {@code steps} steps; side B's view model. */
    private static ExplorerViewModel trainBoth(MainWindow w, CompareViewModel compare, long steps) throws Exception {
        ExplorerViewModel b = onFx(() -> compare.sideBModelProperty().get());
        await("side B ready", () -> fx(() -> b.training().readyProperty().get()));
        onFx(() -> {
            compare.play();
            return null;
        });
        await("both trained " + steps + " steps", () -> fx(() -> step(w.viewModel()) >= steps && step(b) >= steps));
        return b;
    }

    /** {@link #trainBoth}, then both paused with their last steps published; side B's view model. */
    private static ExplorerViewModel trainBothThenPause(MainWindow w, CompareViewModel compare, long steps) throws Exception {
        ExplorerViewModel b = trainBoth(w, compare, steps);
        onFx(() -> {
            compare.pause();
            return null;
        });
        await("both paused, their last steps published", () -> fx(() -> settled(w.viewModel()) && settled(b)));
        return b;
    }

    private static LossSnapshot separateRun(TrainingWorker worker, long steps) {
        try (worker) {
            worker.initializeNow();
            worker.runStepsNow((int) steps);
            return worker.publishNow().loss();
        }
    }

    private static long step(ExplorerViewModel vm) {
        Snapshot s = vm.getSnapshot();
        return s == null ? 0 : s.status().step();
    }

    private static boolean settled(ExplorerViewModel vm) {
        Snapshot s = vm.getSnapshot();
        return s != null && !s.status().playing() && s.loss().lastStep() == s.status().step();
    }

    private static List<Thread> appThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("flow-")) {
                out.add(t);
            }
        }
        return out;
    }
}
