package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.prefs.AppPreferences;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.TorchScript;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.train.LossSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teaching and export wiring through the view model against a real worker, all on the test
 * thread: the view model's I/O and FX executors run inline, the worker handles commands when
 * {@link #round()} says so. No display, no sleeps.
 */
class FilesAndTeachingViewModelTest {
    private static final float[] PROBE = {0.5f, 0.25f, -1f, 0.5f, 1.5f, -0.5f, 0f, 0f};

    @TempDir
    Path dir;

    private final TrainingWorker worker = SameThreadWorker.small();
    private final List<Command> sent = new ArrayList<>();
    private final Preferences node = Preferences.userRoot().node("flowexplorer-test-" + UUID.randomUUID());
    private final ExplorerViewModel vm = new ExplorerViewModel(c -> {
        sent.add(c);
        worker.submit(c);
    }, worker.latest(), Runnable::run, Runnable::run, new AppPreferences(node));

    @AfterEach
    void cleanUp() throws Exception {
        worker.close();
        node.removeNode();
    }

    private Snapshot round() {
        return SameThreadWorker.round(worker, vm);
    }

    private <T> T onWorker(java.util.function.Function<org.flowexplorer.model.train.Trainer, T> q) throws Exception {
        var f = worker.forTesting().onWorkerThread(q);
        worker.processPending();
        return f.get();
    }

    @Test
    void inspectorShowsTheModelsPerLayerNumbersForTheQueryPoint() throws Exception {
        round();
        worker.runStepsNow(15);
        vm.plots().queryData(0.5, 0.25);
        vm.layers().layerPositionProperty().set(2.4); // the stepper is on coupling 2
        Snapshot s = round();
        CouplingInspection in = s.inspector().inspection();
        assertNotNull(in);
        assertSame(in, vm.layers().inspectionProperty().get());
        assertEquals(2, in.layer());
        assertEquals(2, vm.layers().inspectedLayerProperty().get());
        assertEquals(CouplingInspection.Direction.FORWARD, in.direction());
        float[] p = {(float) s.view().query().dataX(), (float) s.view().query().dataY()};
        FlowTrace t = onWorker(tr -> tr.model().traceForward(p));
        CouplingLayer layer = onWorker(tr -> tr.model().layers().get(2));
        int b = layer.mask().transformedIndices()[0];
        int a = layer.mask().conditioningIndices()[0];
        for (int d = 0; d < 2; d++) {
            assertEquals(t.positions()[2][d], in.input()[d], 0, "input " + d);
            assertEquals(t.positions()[3][d], in.output()[d], 1e-5, "output " + d);
        }
        assertEquals(t.scales()[2][0], in.step("s").value(b), 1e-5);
        assertEquals(t.shifts()[2][0], in.step("t").value(b), 1e-5);
        assertTrue(Double.isNaN(in.step("t").value(a)));
        assertEquals(t.logDets()[2][0], in.logDet(), 1e-5);

        // the toggle is a command: inverse recovers the layer's input from its output
        vm.layers().inspectionDirectionProperty().set(CouplingInspection.Direction.INVERSE);
        CouplingInspection inv = round().inspector().inspection();
        assertEquals(CouplingInspection.Direction.INVERSE, inv.direction());
        for (int d = 0; d < 2; d++) {
            assertEquals(t.positions()[2][d], inv.output()[d], 1e-4);
        }
        // live while training: a new model version gives new numbers
        worker.runStepsNow(5);
        assertFalse(round().inspector().inspection() == inv);
        vm.plots().clearQuery();
        assertNull(round().inspector().inspection());
    }

    @Test
    void drawnPointsBecomeTheTrainingData() {
        round();
        vm.sketch().drawModeProperty().set(DrawMode.DRAW);
        vm.sketch().clearSketch();
        assertEquals(0, vm.sketch().sketchPointsProperty().get().length);
        vm.sketch().beginStroke(1, 1);
        vm.sketch().continueStroke(2, 2);
        vm.sketch().continueStroke(2, 3);
        float[] drawn = vm.sketch().sketchPointsProperty().get();
        assertTrue(drawn.length / 2 > 40, "points show while drawing: " + drawn.length / 2);
        assertFalse(sent.stream().anyMatch(c -> c instanceof Command.SetCustomData), "nothing sent before release");
        vm.sketch().endStroke();
        Snapshot s = round();
        assertTrue(s.customData());
        assertEquals("drawn points", s.dataName());
        assertSame(drawn, s.view().points());
        assertTrue(vm.status().messageProperty().get().contains("your own data"), vm.status().messageProperty().get());
        assertEquals(drawn.length / 2, worker.forTesting().trainer().dataSize());
        worker.runStepsNow(3);
        assertEquals(3, worker.publishNow().status().step());

        // erase and undo: each change is sent on release
        vm.sketch().drawModeProperty().set(DrawMode.ERASE);
        vm.sketch().beginStroke(2, 2);
        vm.sketch().endStroke();
        assertTrue(round().view().points().length < drawn.length);
        assertTrue(vm.sketch().undoSketch());
        assertSame(drawn, round().view().points());
        assertTrue(vm.sketch().canRedoProperty().get());
        // too few points: nothing changes, the status says why
        vm.sketch().clearSketch();
        assertSame(drawn, round().view().points());
        assertTrue(vm.status().messageProperty().get().startsWith("Draw at least"), vm.status().messageProperty().get());
    }

    @Test
    void importGoodAndBadCsv() throws Exception {
        Snapshot before = round();
        Path bad = dir.resolve("bad points.csv");
        Files.writeString(bad, "x,y\n1,2\n3,oops\n", StandardCharsets.UTF_8);
        vm.files().importPoints(bad);
        round();
        String err = vm.status().failureProperty().get();
        assertNotNull(err);
        assertTrue(err.contains("bad points.csv") && err.contains("line 3"), err);
        assertEquals(err, vm.status().messageProperty().get());
        assertSame(before.view().points(), round().view().points());
        assertFalse(sent.stream().anyMatch(c -> c instanceof Command.SetCustomData));
        assertEquals(0, vm.files().fileOperationsProperty().get());

        vm.status().clearFailure();
        Path good = dir.resolve("mine.csv");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            csv.append(i * 0.1).append(',').append(Math.sin(i * 0.1)).append('\n');
        }
        Files.writeString(good, csv);
        vm.files().importPoints(good);
        Snapshot s = round();
        assertNull(vm.status().failureProperty().get());
        assertEquals("mine.csv", s.dataName());
        assertEquals(50, s.view().points().length / 2);
        vm.files().importDrop(List.of(good, bad));
        assertTrue(vm.status().failureProperty().get().contains("Drop one .csv"), vm.status().failureProperty().get());
        // export the current points and read them back
        Path out = dir.resolve("out.csv");
        vm.files().exportPoints(out);
        assertArrayEquals(s.view().points(), org.flowexplorer.app.io.DataImport.importCsv(out).points());
    }

    @Test
    void sessionSaveThenOpenRestoresModelOutputsAndLossHistory() throws Exception {
        round();
        worker.runStepsNow(30);
        vm.layers().layerPositionProperty().set(1);
        Snapshot saved = round();
        float[] logProb = worker.forTesting().model().logProb(PROBE);
        LossSnapshot loss = saved.loss();
        Path file = dir.resolve("work.session.zip");
        vm.files().saveSession(file);
        round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        assertTrue(Files.exists(file));
        assertEquals(List.of(file.toAbsolutePath().normalize()), vm.files().recentFiles());

        // move on: more training, then a new data set
        worker.runStepsNow(10);
        vm.form().datasetProperty().set(ToyDataset.CIRCLES);
        vm.form().applyDataset();
        round();

        vm.files().openSession(file);
        Snapshot s = round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        assertArrayEquals(logProb, worker.forTesting().model().logProb(PROBE), "bit-identical log p");
        assertEquals(loss, s.loss());
        assertEquals(30, s.status().step());
        assertEquals(ToyDataset.MOONS, s.settings().dataset().set());
        assertArrayEquals(saved.view().points(), java.util.Arrays.copyOf(s.view().points(), saved.view().points().length));
        assertTrue(vm.status().messageProperty().get().contains("work.session.zip"), vm.status().messageProperty().get());
        // and training continues from there
        worker.runStepsNow(2);
        Snapshot later = worker.publishNow();
        assertEquals(32, later.status().step());
        assertEquals(loss.size() + 2, later.loss().size());
    }

    @Test
    void badFilesGiveOneMessageAndLeaveTheSessionUntouched() throws Exception {
        round();
        worker.runStepsNow(12);
        Snapshot before = round();
        float[] logProb = worker.forTesting().model().logProb(PROBE);
        Path garbage = dir.resolve("broken.session.zip");
        Files.writeString(garbage, "this is not a zip");
        Path text = dir.resolve("model.txt");
        Files.writeString(text, "?");
        Path truncated = dir.resolve("cut.zip");
        vm.files().exportModel(dir.resolve("whole.zip"));
        round();
        byte[] whole = Files.readAllBytes(dir.resolve("whole.zip"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        List<Runnable> attempts = List.of(() -> vm.files().openSession(garbage), () -> vm.files().openModel(text),
                () -> vm.files().openModel(truncated), () -> vm.files().openSession(dir.resolve("whole.zip")));
        List<String> names = List.of("broken.session.zip", "model.txt", "cut.zip", "whole.zip");
        for (int i = 0; i < attempts.size(); i++) {
            List<String> errors = new ArrayList<>();
            javafx.beans.value.ChangeListener<String> l = (o, was, now) -> {
                if (now != null) {
                    errors.add(now);
                }
            };
            vm.status().failureProperty().addListener(l);
            attempts.get(i).run();
            Snapshot s = round();
            vm.status().failureProperty().removeListener(l);
            assertEquals(1, errors.size(), "one message: " + errors);
            assertTrue(errors.get(0).contains(names.get(i)), errors.get(0));
            assertEquals(before.runId(), s.runId(), "untouched");
            assertEquals(before.status().step(), s.status().step());
            assertSame(before.view().points(), s.view().points());
            assertArrayEquals(logProb, worker.forTesting().model().logProb(PROBE));
        }
        assertTrue(vm.files().recentFiles().isEmpty());
    }

    @Test
    void exportedNpzLoadsAsTheSameModelAndExportsWrite() throws Exception {
        round();
        worker.runStepsNow(8);
        vm.form().sample();
        vm.plots().queryData(0.1, 0.2);
        round();
        Path npz = dir.resolve("m.npz");
        vm.files().exportModel(npz);
        round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        RealNVP loaded = ModelFiles.load(npz).model();
        assertArrayEquals(worker.forTesting().model().parameterValues(), loaded.parameterValues());
        assertArrayEquals(worker.forTesting().model().logProb(PROBE), loaded.logProb(PROBE));

        for (String name : List.of("samples.csv", "trace.csv", "loss.csv")) {
            Path f = dir.resolve(name);
            switch (name) {
                case "samples.csv" -> vm.files().exportSamples(f);
                case "trace.csv" -> vm.files().exportTrace(f);
                default -> vm.files().exportLossHistory(f);
            }
            round();
            assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
            assertTrue(Files.size(f) > 20, name);
        }
        assertNotNull(vm.layers().currentTraceProperty().get());
        assertEquals(5, Files.readAllLines(dir.resolve("trace.csv")).get(0).split(",").length / 2);

        // opening the exported model explores it with the current data; the recent list remembers it
        vm.files().openModel(npz);
        Snapshot s = round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        assertEquals(npz.toAbsolutePath().normalize(), vm.files().recentFiles().get(0));
        assertArrayEquals(loaded.logProb(PROBE), worker.forTesting().model().logProb(PROBE));
        assertEquals(List.of(npz.toAbsolutePath().normalize()), new AppPreferences(node).recentFiles().list());
        assertTrue(s.status().notice().contains("m.npz"), s.status().notice());
    }

    @Test
    void exportsTheLiveModelAsAPyTorchScriptOrSaysWhyNot() throws Exception {
        round();
        worker.runStepsNow(5);
        round();
        Path script = dir.resolve("model.py");
        vm.files().exportTorchScript(script);
        round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        assertEquals(TorchScript.generate(worker.forTesting().model()), Files.readString(script));

        Path nowhere = dir.resolve("no-such-folder").resolve("model.py");
        vm.files().exportTorchScript(nowhere);
        round();
        String failure = String.valueOf(vm.status().failureProperty().get());
        assertTrue(failure.contains("model.py") && !failure.contains("\n") && !failure.contains("Exception"), failure);
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void presetConfiguresEverythingWithOneReset() {
        Snapshot first = round();
        var p = Presets.TOO_FEW_LAYERS;
        vm.applyPreset(p);
        Snapshot s = round();
        assertEquals(first.runId() + 1, s.runId());
        assertEquals(p.architecture().layers(), s.layers());
        assertEquals(p.dataset(), s.settings().dataset().set());
        assertEquals(p.training().learningRate(), s.settings().learningRate());
        assertEquals(p.view(), vm.requestedViewProperty().get());
        assertTrue(s.status().notice().contains(p.name()), s.status().notice());
    }
}
