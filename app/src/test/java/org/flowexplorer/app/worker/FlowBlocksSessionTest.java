package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.io.SessionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session of a flow with a non-seed scale and batch norms keeps both through save and open. */
class FlowBlocksSessionTest {
    @TempDir
    Path dir;

    @Test
    void aSessionRoundTripKeepsScaleAndBatchNorm() throws Exception {
        ArchitectureSettings normed = new ArchitectureSettings(3, new int[] {8}, CouplingType.AFFINE, 1, ScaleFunction.tanh(3), true);
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        handle(w, new Command.ChangeArchitecture(normed));
        handle(w, new Command.Step(5));
        CompletableFuture<Session> captured = new CompletableFuture<>();
        handle(w, new Command.Capture(Map.of(), captured));
        Session s = captured.get();
        assertEquals(normed.architecture(), s.settings().architecture());
        assertTrue(s.model().spec().batchNorm());
        Path file = dir.resolve("blocks" + SessionFile.EXTENSION);
        SessionFile.save(file, s);
        Session back = SessionFile.load(file);
        assertEquals(s.model().spec(), back.model().spec());
        assertEquals(normed.architecture(), back.settings().architecture());

        TrainingWorker other = TrainingWorkerTest.smallWorker();
        other.initializeNow();
        CompletableFuture<Void> done = new CompletableFuture<>();
        handle(other, new Command.LoadSession(back, "blocks", done));
        done.get();
        ArchitectureSettings opened = other.publishNow().settings().architecture();
        assertEquals(ScaleFunction.tanh(3), opened.scale());
        assertTrue(opened.batchNorm());
        assertArrayEquals(s.model().bufferValues(), back.model().bufferValues(), "running statistics kept");
        assertTrue(Files.size(file) > 0);
    }

    private static void handle(TrainingWorker w, Command c) {
        w.submit(c);
        w.processPending();
    }
}
