package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetAndTrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void datasetWritesNRowsMatchingTheGenerator() throws Exception {
        Path out = dir.resolve("moons.csv");
        JsonNode r = CliRunner.run("dataset", "--name", "moons", "--n", 123, "--seed", 7, "--out", out)
                .assertOk().result();
        assertEquals(123, r.get("n").asInt());
        assertEquals("moons", r.get("name").asText());
        assertEquals(0.1, r.get("noise").asDouble(), 1e-12);
        assertEquals(out.toString(), r.get("out").asText());
        List<String> lines = Files.readAllLines(out);
        assertEquals("x,y", lines.get(0));
        assertEquals(124, lines.size());
        float[] xy = PointCsv.read(out);
        assertEquals(ToyDataset.MOONS.generate(123, 0.1, 7).length, xy.length);
        assertTrue(java.util.Arrays.equals(ToyDataset.MOONS.generate(123, 0.1, 7), xy));
    }

    @Test
    void datasetHonoursNoise() throws Exception {
        Path out = dir.resolve("c.csv");
        JsonNode r = CliRunner.run("dataset", "--name", "CHECKERBOARD", "--n", 10, "--noise", 0.25, "--out", out)
                .assertOk().result();
        assertEquals("checkerboard", r.get("name").asText());
        assertEquals(0.25, r.get("noise").asDouble(), 0);
        assertTrue(java.util.Arrays.equals(ToyDataset.CHECKERBOARD.generate(10, 0.25, 0), PointCsv.read(out)));
    }

    @Test
    void trainPrintsProgressAndReducesNll() throws Exception {
        Path data = dir.resolve("d.csv");
        PointCsv.write(data, ToyDataset.MOONS.generate(200, 0.1, 1));
        Path test = dir.resolve("t.csv");
        PointCsv.write(test, ToyDataset.MOONS.generate(100, 0.1, 2));
        CliRunner.Result run = CliRunner.run("train", "--data", data, "--test", test, "--layers", 2, "--hidden", "8,8",
                "--steps", 50, "--batch", 64, "--lr", 0.01).assertOk();
        List<JsonNode> lines = run.jsonLines();
        assertEquals(11, lines.size(), run.out());
        for (int i = 0; i < 10; i++) {
            assertEquals(5 * (i + 1), lines.get(i).get("step").asInt());
            assertTrue(Double.isFinite(lines.get(i).get("loss").asDouble()));
        }
        JsonNode r = run.result();
        assertEquals(50, r.get("steps").asInt());
        assertEquals(200, r.get("n").asInt());
        assertEquals(2, r.get("layers").asInt());
        assertEquals("[8,8]", r.get("hidden").toString());
        assertEquals("affine", r.get("coupling").asText());
        assertEquals(64, r.get("batch").asInt());
        assertTrue(r.get("ms_per_step_median").asDouble() > 0);
        assertTrue(r.get("wall_s").asDouble() > 0);
        double before = r.get("initial_train_nll").asDouble();
        double after = r.get("train_nll").asDouble();
        assertTrue(after < before - 0.1, "NLL " + before + " -> " + after);
        assertTrue(Double.isFinite(r.get("test_nll").asDouble()));
    }

    @Test
    void trainOnGeneratedDatasetIsDeterministic() {
        Object[] args = {"train", "--dataset", "8gaussians", "--n", 100, "--layers", 1, "--hidden", 4,
                "--coupling", "additive", "--steps", 3, "--seed", 5};
        JsonNode a = CliRunner.run(args).assertOk().result();
        JsonNode b = CliRunner.run(args).assertOk().result();
        assertEquals("8gaussians", a.get("dataset").asText());
        assertEquals(100, a.get("n").asInt());
        assertEquals("additive", a.get("coupling").asText());
        assertEquals(a.get("train_nll").asDouble(), b.get("train_nll").asDouble(), 0);
        assertTrue(!a.has("test_nll"));
    }
}
