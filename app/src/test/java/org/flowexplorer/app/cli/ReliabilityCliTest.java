package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.ModelMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: divergence, sizes, outputs that would replace inputs, outputs checked before the work. */
class ReliabilityCliTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path model;

    @BeforeAll
    static void tinyModel() {
        data = dir.resolve("moons.csv");
        CliRunner.run("dataset", "--name", "moons", "--n", 200, "--seed", 3, "--out", data).assertOk();
        model = dir.resolve("tiny.zip");
        CliRunner.run("train", "--data", data, "--layers", 2, "--hidden", 8, "--steps", 20, "--out", model).assertOk();
    }

    /** The diverging run: 8 × (64, 64) on moons at a learning rate far too high. */
    private static CliRunner.Result trainAt(double lr, Path out, Object... more) {
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of("train", "--dataset", "moons",
                "--hidden", "64,64", "--steps", 500, "--lr", lr, "--out", out));
        args.addAll(java.util.List.of(more));
        return CliRunner.run(args.toArray());
    }

    // ---- item 1: divergence ----------------------------------------------------------------------

    @Test
    void divergedTrainingFailsWithOneLineAndSavesNothing() {
        Path out = dir.resolve("diverged.zip");
        CliRunner.Result r = trainAt(1.0, out);
        assertEquals(1, r.exitCode(), r.out() + r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.matches("error: training diverged at step \\d+: .*"), line);
        assertTrue(line.contains("--lr (now 1.0)"), line);
        assertFalse(Files.exists(out), "a diverged model was saved");
        assertFalse(r.out().contains("NaN"), "NaN in the JSON: " + r.out());
        assertFalse(r.out().contains("Infinity"), "Infinity in the JSON: " + r.out());
    }

    @Test
    void divergedModelIsSavedOnlyWhenAskedFor() {
        Path out = dir.resolve("kept.zip");
        CliRunner.Result r = trainAt(1.0, out, "--save-diverged");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("diverged"), r.err());
        assertTrue(Files.exists(out), "--save-diverged did not save");
    }

    @Test
    void explodingButFiniteLossIsFlagged() {
        Path out = dir.resolve("exploded.zip");
        CliRunner.Result r = trainAt(10, out);
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().strip().matches("error: training diverged at step \\d+: the loss reached .*--lr \\(now 10.0\\).*"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void nonFiniteResultsAreFailuresNotNaNStrings() throws Exception {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE), 0);
        double[] p = new double[flow.parameterCount()];
        Arrays.fill(p, Double.NaN);
        Path nan = dir.resolve("nan.zip");
        ModelFiles.save(nan, RealNVP.withParameters(flow.spec(), Precision.FLOAT32, p), ModelMetadata.none());
        CliRunner.Result eval = CliRunner.run("eval", "--model", nan, "--data", data).assertError(1);
        assertFalse(eval.err().contains("overflow"), eval.err());
        CliRunner.run("sample", "--model", nan, "--n", 5, "--out", dir.resolve("nan-s.csv")).assertError(1);
        CliRunner.run("transform", "--model", nan, "--data", data, "--direction", "forward", "--trace",
                "--out", dir.resolve("nan-t.csv")).assertError(1);
        assertFalse(Files.exists(dir.resolve("nan-t.csv")));
    }

    // ---- item 5: sizes ----------------------------------------------------------------------------

    @Test
    void hugeCountsAndWidthsAreUsageErrors() {
        String s = CliRunner.run("sample", "--model", model, "--n", Integer.MAX_VALUE, "--out", dir.resolve("s.csv"))
                .assertError(2).err();
        assertTrue(s.contains("--n"), s);
        CliRunner.run("dataset", "--name", "moons", "--n", Integer.MAX_VALUE, "--out", dir.resolve("d.csv"))
                .assertError(2);
        CliRunner.run("train", "--dataset", "moons", "--n", Integer.MAX_VALUE).assertError(2);
        CliRunner.run("render", "--model", model, "--view", "samples", "--n", Integer.MAX_VALUE,
                "--out", dir.resolve("r.png")).assertError(2);
        CliRunner.run("bench", "--test-n", Integer.MAX_VALUE, "--torch", "off").assertError(2);
        String w = CliRunner.run("train", "--dataset", "moons", "--hidden", "100000,100000").assertError(2).err();
        assertTrue(w.contains("parameters"), w);
        CliRunner.run("train", "--dataset", "moons", "--hidden", "46341,46341").assertError(2);
        String wide = CliRunner.run("train", "--dataset", "moons", "--layers", 1, "--hidden", 100_000).assertError(2).err();
        assertTrue(wide.contains("at most 4096"), wide);
        CliRunner.run("bench", "--hidden", "46341,46341", "--torch", "off").assertError(2);
    }

    // ---- item 10: --out must not replace --data --------------------------------------------------

    @Test
    void outputThatIsTheInputIsRefused() throws Exception {
        Path copy = dir.resolve("in.csv");
        Files.copy(data, copy);
        byte[] before = Files.readAllBytes(copy);
        CliRunner.run("eval", "--model", model, "--data", copy, "--out", copy).assertError(2);
        Path dotted = dir.resolve(".").resolve("in.csv");
        CliRunner.run("transform", "--model", model, "--data", copy, "--direction", "forward", "--out", dotted)
                .assertError(2);
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, copy);
        String msg = CliRunner.run("transform", "--model", model, "--data", link, "--direction", "forward",
                "--out", copy).assertError(2).err();
        assertTrue(msg.contains("--data"), msg);
        assertTrue(Arrays.equals(before, Files.readAllBytes(copy)), "the input was changed");
    }

    // ---- item 11: outputs checked before the work ------------------------------------------------

    @Test
    void unwritableOutputIsReportedBeforeTraining() throws Exception {
        Path out = dir.resolve("no-such-dir").resolve("m.zip");
        CliRunner.Result r = CliRunner.run("train", "--dataset", "moons", "--steps", 300, "--hidden", 8, "--out", out);
        r.assertError(1);
        assertTrue(r.err().contains("no-such-dir"), r.err());
        Path asDir = Files.createDirectories(dir.resolve("a-dir.zip"));
        CliRunner.run("train", "--dataset", "moons", "--steps", 300, "--hidden", 8, "--out", asDir).assertError(1);
        CliRunner.run("sample", "--model", model, "--n", 5, "--out", Files.createDirectories(dir.resolve("d.csv")))
                .assertError(1);
    }

    // ---- --batch larger than the data ------------------------------------------------------------

    @Test
    void batchReportedIsTheBatchUsed() {
        JsonNode r = CliRunner.run("train", "--dataset", "moons", "--n", 100, "--layers", 1, "--hidden", 4,
                "--steps", 2, "--batch", 256).assertOk().result();
        assertEquals(100, r.get("batch").asInt());
    }

    // ---- --coupling lists the enum's values -------------------------------------------------------

    @Test
    void couplingErrorListsTheTypes() {
        String msg = CliRunner.run("train", "--dataset", "moons", "--coupling", "maf").assertError(2).err();
        for (CouplingType t : CouplingType.values()) {
            assertTrue(msg.contains(t.id()), msg);
        }
    }
}
