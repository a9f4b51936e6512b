package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.SplineShape;
import org.flowexplorer.model.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --coupling spline --bins K --tail-bound B}: train, eval, sample, render and bench on a spline model. */
class SplineCliTest {
    @TempDir
    Path dir;

    @Test
    void trainSavesTheShapeAndEvalSampleAndRenderUseTheModel() throws Exception {
        Path zip = dir.resolve("s.zip");
        JsonNode r = CliRunner.run("train", "--dataset", "checkerboard", "--n", 400, "--layers", 2, "--hidden", "8,8",
                "--steps", 30, "--batch", 64, "--lr", 0.01, "--coupling", "spline", "--bins", 5, "--tail-bound", 3,
                "--out", zip).assertOk().result();
        assertEquals("spline", r.get("coupling").asText());
        assertEquals(5, r.get("bins").asInt());
        assertEquals(3.0, r.get("tail_bound").asDouble());
        assertTrue(r.get("train_nll").asDouble() < r.get("initial_train_nll").asDouble(), r.toString());
        RealNVP model = ModelFile.load(zip).model();
        assertEquals(CouplingType.SPLINE, model.spec().coupling());
        assertEquals(new SplineShape(5, 3), model.spec().spline());

        JsonNode e = CliRunner.run("eval", "--model", zip, "--dataset", "checkerboard", "--n", 500, "--seed", 3).assertOk().result();
        assertTrue(Double.isFinite(e.get("mean_nll").asDouble()), e.toString());
        Path samples = dir.resolve("x.csv");
        CliRunner.run("sample", "--model", zip, "--n", 50, "--seed", 1, "--out", samples).assertOk();
        assertEquals(100, PointCsv.read(samples).length);
        for (String view : new String[] {"density", "layers", "conditioner", "jacobian"}) {
            Path png = dir.resolve(view + ".png");
            CliRunner.run("render", "--model", zip, "--view", view, "--width", 200, "--height", 200, "--out", png).assertOk();
            assertTrue(Files.size(png) > 1000, view);
        }
    }

    @Test
    void theShapeOptionsNeedASplineAndAValidShapeAndTheSeedNpzRefusesIt() {
        String notSpline = CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--bins", 6).assertError(2).err();
        assertTrue(notSpline.contains("--bins applies to spline couplings only"), notSpline);
        String bins = CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--coupling", "spline", "--bins", 1).assertError(2).err();
        assertTrue(bins.contains("--bins") && bins.contains("2 to 64"), bins);
        CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--coupling", "spline", "--tail-bound", 0).assertError(2);
        String npz = CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--coupling", "spline", "--out", dir.resolve("s.npz"))
                .assertError(2).err();
        assertTrue(npz.contains("no .npz state_dict"), npz);
    }

    @Test
    void benchRunsASplineFlowOnTheJavaSide() {
        JsonNode r = CliRunner.run("bench", "--n", 300, "--test-n", 100, "--layers", 2, "--hidden", "8,8", "--steps", 20,
                "--rounds", 1, "--coupling", "spline").assertOk().result();
        assertEquals("spline", r.get("coupling").asText());
        assertEquals(8, r.get("bins").asInt());
        assertTrue(r.get("java_ms_per_step").asDouble() > 0);
        assertTrue(r.get("torch").asText().contains("seed's flow"), r.toString());
    }
}
