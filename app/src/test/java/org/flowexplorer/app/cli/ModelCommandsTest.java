package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.ModelMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --out, then eval, sample, transform and convert on the saved model. */
class ModelCommandsTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path model;
    static JsonNode trained;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        data = dir.resolve("moons.csv");
        PointCsv.write(data, ToyDataset.MOONS.generate(200, 0.1, 3));
        model = dir.resolve("tiny.zip");
        trained = CliRunner.run("train", "--data", data, "--layers", 2, "--hidden", "8,8", "--steps", 50,
                "--batch", 64, "--lr", 0.01, "--seed", 1, "--out", model).assertOk().result();
        assertTrue(Files.isRegularFile(model));
        assertEquals(model.toString(), trained.get("out").asText());
        assertTrue(trained.get("train_nll").asDouble() < trained.get("initial_train_nll").asDouble() - 0.1);
    }

    static float[] column(Path csv, int col) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        float[] v = new float[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            v[i - 1] = Float.parseFloat(lines.get(i).split(",")[col]);
        }
        return v;
    }

    @Test
    void evalMatchesTrainingNllAndWritesLogProb() throws Exception {
        Path out = dir.resolve("logp.csv");
        JsonNode r = CliRunner.run("eval", "--model", model, "--data", data, "--out", out).assertOk().result();
        assertEquals(200, r.get("n").asInt());
        assertEquals(trained.get("train_nll").asDouble(), r.get("mean_nll").asDouble(), 1e-9);
        assertEquals("log_prob", Files.readAllLines(out).get(0));
        float[] logp = column(out, 0);
        assertEquals(200, logp.length);
        double mean = 0;
        for (float v : logp) {
            mean -= v;
        }
        assertEquals(r.get("mean_nll").asDouble(), mean / 200, 1e-4);
    }

    @Test
    void sampleWritesNPoints() throws Exception {
        Path out = dir.resolve("s.csv");
        JsonNode r = CliRunner.run("sample", "--model", model, "--n", 77, "--seed", 4, "--out", out).assertOk().result();
        assertEquals(77, r.get("n").asInt());
        assertEquals(154, PointCsv.read(out).length);
        Path again = dir.resolve("s2.csv");
        CliRunner.run("sample", "--model", model, "--n", 77, "--seed", 4, "--out", again).assertOk();
        assertArrayEquals(PointCsv.read(out), PointCsv.read(again));
    }

    @Test
    void forwardThenInverseRoundTrips() throws Exception {
        Path z = dir.resolve("z.csv");
        Path back = dir.resolve("back.csv");
        JsonNode f = CliRunner.run("transform", "--model", model, "--data", data, "--direction", "forward", "--out", z)
                .assertOk().result();
        assertEquals(200, f.get("n").asInt());
        assertEquals("x,y", Files.readAllLines(z).get(0));
        CliRunner.run("transform", "--model", model, "--data", z, "--direction", "INVERSE", "--out", back).assertOk();
        float[] x = PointCsv.read(data);
        float[] zs = PointCsv.read(z);
        float[] xb = PointCsv.read(back);
        double maxErr = 0;
        double moved = 0;
        for (int i = 0; i < x.length; i++) {
            maxErr = Math.max(maxErr, Math.abs(x[i] - xb[i]));
            moved = Math.max(moved, Math.abs(x[i] - zs[i]));
        }
        assertTrue(maxErr < 1e-4, "round trip error " + maxErr);
        assertTrue(moved > 1e-3, "forward did not move the points");
    }

    @Test
    void traceHasEveryLayer() throws Exception {
        Path z = dir.resolve("z2.csv");
        Path trace = dir.resolve("trace.csv");
        CliRunner.run("transform", "--model", model, "--data", data, "--direction", "forward", "--out", z).assertOk();
        JsonNode r = CliRunner.run("transform", "--model", model, "--data", data, "--direction", "forward", "--trace",
                "--out", trace).assertOk().result();
        List<String> lines = Files.readAllLines(trace);
        assertEquals("l0_x,l0_y,l1_x,l1_y,l2_x,l2_y", lines.get(0));
        assertEquals("[\"l0_x\",\"l0_y\",\"l1_x\",\"l1_y\",\"l2_x\",\"l2_y\"]", r.get("columns").toString());
        assertEquals(201, lines.size());
        float[] x = PointCsv.read(data);
        float[] zs = PointCsv.read(z);
        for (int c = 0; c < 2; c++) {
            float[] first = column(trace, c);
            float[] last = column(trace, 4 + c);
            for (int i = 0; i < 200; i++) {
                assertEquals(x[2 * i + c], first[i], 0f);
                assertEquals(zs[2 * i + c], last[i], 0f);
            }
        }
    }

    @Test
    void convertZipNpzZipPreservesLogProb() throws Exception {
        Path npz = dir.resolve("tiny.npz");
        Path zip2 = dir.resolve("tiny2.zip");
        JsonNode c = CliRunner.run("convert", "--model", model, "--out", npz).assertOk().result();
        assertEquals(2, c.get("layers").asInt());
        CliRunner.run("convert", "--model", npz, "--out", zip2).assertOk();
        float[][] logps = new float[3][];
        Path[] models = {model, npz, zip2};
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("lp" + i + ".csv");
            CliRunner.run("eval", "--model", models[i], "--data", data, "--out", out).assertOk();
            logps[i] = column(out, 0);
        }
        assertArrayEquals(logps[0], logps[1]);
        assertArrayEquals(logps[0], logps[2]);
    }

    @Test
    void modelDataDimensionMismatch() throws Exception {
        for (String ext : new String[] {".zip", ".npz"}) {
            Path m3 = dir.resolve("three" + ext);
            ModelFiles.save(m3, RealNVP.create(FlowSpec.alternating(3, 2, new int[] {4}, CouplingType.AFFINE), 0),
                    ModelMetadata.none());
            String msg = CliRunner.run("eval", "--model", m3, "--data", data).assertError(1).err();
            assertEquals("error: three" + ext + " is a 3-D model but moons.csv has 2 columns", msg.strip());
            CliRunner.run("transform", "--model", m3, "--data", data, "--direction", "inverse",
                    "--out", dir.resolve("t3.csv")).assertError(1);
            CliRunner.run("sample", "--model", m3, "--n", 5, "--out", dir.resolve("s3.csv")).assertError(1);
        }
    }

    @Test
    void trainedZipKeepsMetadata() throws Exception {
        ModelMetadata m = ModelFiles.load(model).metadata();
        assertEquals(50, m.steps());
        assertEquals(64, m.training().batchSize());
        assertEquals(0.01, m.training().learningRate(), 0);
        assertEquals("moons.csv", m.dataset().name());
        assertEquals(200, m.dataset().n());
    }

    @Test
    void modelErrors() throws Exception {
        CliRunner.run("eval", "--model", dir.resolve("missing.zip"), "--data", data).assertError(1);
        CliRunner.run("sample", "--model", dir.resolve("missing.npz"), "--n", 3, "--out", dir.resolve("x.csv"))
                .assertError(1);
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip file");
        CliRunner.run("eval", "--model", junk, "--data", data).assertError(1);
        Path junkNpz = dir.resolve("junk.npz");
        Files.writeString(junkNpz, "not an npz file");
        CliRunner.run("convert", "--model", junkNpz, "--out", dir.resolve("j.zip")).assertError(1);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3\n");
        String msg = CliRunner.run("eval", "--model", model, "--data", bad).assertError(1).err();
        assertEquals("error: bad.csv line 3: expected 2 columns, found 1", msg.strip());
    }
}
