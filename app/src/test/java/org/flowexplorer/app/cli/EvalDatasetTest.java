package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.flowexplorer.model.data.EntropyEstimate;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.ModelFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --dataset}: the model's NLL on fresh samples, the set's entropy and the KL gap between them. */
class EvalDatasetTest {
    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        Path data = dir.resolve("moons.csv");
        PointCsv.write(data, ToyDataset.MOONS.generate(500, 0.1, 3));
        model = dir.resolve("tiny.zip");
        CliRunner.run("train", "--data", data, "--layers", 4, "--hidden", "16,16", "--steps", 200, "--batch", 128,
                "--lr", 0.01, "--seed", 1, "--out", model).assertOk();
    }

    @Test
    void reportsMeanNllEntropyAndKlGapWithErrors() throws Exception {
        JsonNode r = CliRunner.run("eval", "--model", model, "--dataset", "moons", "--n", 4000, "--seed", 9)
                .assertOk().result();
        assertEquals("moons", r.get("dataset").asText());
        assertEquals(0.1, r.get("noise").asDouble());
        assertEquals(4000, r.get("n").asInt());
        // the same fresh samples as EntropyEstimate draws with that seed
        EntropyEstimate h = EntropyEstimate.monteCarlo(ToyDataset.MOONS, 0.1, 4000, 9);
        assertEquals(h.entropyNats(), r.get("entropy_nats").asDouble(), 1e-9);
        assertEquals(h.stderrNats(), r.get("entropy_stderr_nats").asDouble(), 1e-9);
        RealNVP flow = ModelFiles.load(model).model();
        assertEquals(flow.meanNll(ToyDataset.MOONS.generate(4000, 0.1, 9)), r.get("mean_nll").asDouble(), 1e-9);
        double gap = r.get("kl_gap_nats").asDouble();
        assertEquals(r.get("mean_nll").asDouble() - r.get("entropy_nats").asDouble(), gap, 1e-9);
        assertTrue(gap > 0, "a KL divergence estimate on 4000 points of a barely trained model: " + gap);
        double se = r.get("kl_gap_stderr_nats").asDouble();
        assertTrue(se > 0 && se < r.get("mean_nll_stderr").asDouble(), "paired differences: " + r);
    }

    @Test
    void dataOrDatasetNotBoth() {
        CliRunner.run("eval", "--model", model).assertError(2);
        CliRunner.run("eval", "--model", model, "--data", dir.resolve("moons.csv"), "--dataset", "moons").assertError(2);
        CliRunner.run("eval", "--model", model, "--data", dir.resolve("moons.csv"), "--noise", 0.2).assertError(2);
        String err = CliRunner.run("eval", "--model", model, "--dataset", "moons", "--noise", 0).assertError(2).err();
        assertTrue(err.contains("no density at noise 0"), err);
        CliRunner.run("eval", "--model", model, "--dataset", "blobs").assertError(2);
    }
}
