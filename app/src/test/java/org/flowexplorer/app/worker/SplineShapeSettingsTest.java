package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.flow.SplineShape;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.io.SessionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's settings carry a spline's K and B (they had none): to the model built, through a session and back. */
class SplineShapeSettingsTest {
    private static final ArchitectureSettings SPLINE = new ArchitectureSettings(3, new int[] {8}, CouplingType.SPLINE, 1,
            ScaleFunction.DEFAULT, Norm.NONE, Mixer.NONE, BaseDistribution.mixture(2), new SplineShape(5, 2.5));

    @TempDir
    Path dir;

    @Test
    void theShapeGoesIntoTheArchitectureAndComesBackFromIt() {
        Architecture a = SPLINE.architecture();
        assertEquals(new SplineShape(5, 2.5), a.spline());
        assertEquals(new SplineShape(5, 2.5), SPLINE.spec().spline());
        assertEquals(SPLINE, ArchitectureSettings.of(a, 1));
        assertNotEquals(SPLINE, SPLINE.withSpline(SplineShape.DEFAULT), "the shape is part of equality");
        assertTrue(SPLINE.toString().startsWith("3 × spline (5 bins on [−2.5"), SPLINE.toString());
    }

    @Test
    void aSessionKeepsTheSplineShapeAndTheMixtureBase() throws Exception {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        handle(w, new Command.ChangeArchitecture(SPLINE));
        handle(w, new Command.Step(3));
        assertEquals(SPLINE, w.publishNow().settings().architecture(), "the worker builds what it was sent");
        CompletableFuture<Session> captured = new CompletableFuture<>();
        handle(w, new Command.Capture(Map.of(), captured));
        Path file = dir.resolve("spline" + SessionFile.EXTENSION);
        SessionFile.save(file, captured.get());
        Session back = SessionFile.load(file);
        assertEquals(new SplineShape(5, 2.5), back.model().spec().spline());

        TrainingWorker other = TrainingWorkerTest.smallWorker();
        other.initializeNow();
        CompletableFuture<Void> done = new CompletableFuture<>();
        handle(other, new Command.LoadSession(back, "spline", done));
        done.get();
        ArchitectureSettings opened = other.publishNow().settings().architecture();
        assertEquals(new SplineShape(5, 2.5), opened.spline());
        assertEquals(BaseDistribution.mixture(2), opened.base());
    }

    private static void handle(TrainingWorker w, Command c) {
        w.submit(c);
        w.processPending();
    }
}
