package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.io.ModelFile;
import org.flowexplorer.model.io.TorchStateDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --batchnorm} and {@code --scale} of train, convert and bench. */
class FlowBlocksCliTest {
    @TempDir
    Path dir;

    @Test
    void trainWithBatchNormAndSoftplusSavesBothAndConvertKeepsThem() throws Exception {
        Path zip = dir.resolve("m.zip");
        JsonNode r = CliRunner.run("train", "--dataset", "moons", "--n", 300, "--layers", 2, "--hidden", "8,8", "--steps", 40,
                "--batch", 64, "--lr", 0.01, "--scale", "softplus", "--batchnorm", "--out", zip).assertOk().result();
        assertEquals("softplus", r.get("scale").asText());
        assertTrue(r.get("batchnorm").asBoolean());
        assertTrue(r.get("train_nll").asDouble() < r.get("initial_train_nll").asDouble());
        RealNVP model = ModelFile.load(zip).model();
        FlowSpec spec = model.spec();
        assertEquals(ScaleFunction.SOFTPLUS, spec.scale());
        assertTrue(spec.batchNorm());
        assertEquals(2, model.norms().size());

        Path npz = dir.resolve("m.npz");
        JsonNode c = CliRunner.run("convert", "--model", zip, "--out", npz).assertOk().result();
        assertEquals("softplus", c.get("scale").asText());
        assertTrue(c.get("batchnorm").asBoolean());
        RealNVP back = TorchStateDict.read(npz).model();
        assertEquals(spec, back.spec());
        assertEquals(java.util.Arrays.toString(model.bufferValues()), java.util.Arrays.toString(back.bufferValues()));
    }

    @Test
    void theSeedFlowIsTheDefault() {
        JsonNode r = CliRunner.run("train", "--dataset", "moons", "--n", 100, "--layers", 1, "--hidden", 4, "--steps", 2)
                .assertOk().result();
        assertEquals("tanh:2", r.get("scale").asText());
        assertFalse(r.get("batchnorm").asBoolean());
    }

    @Test
    void badScalesAreUsageErrors() {
        CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--scale", "sigmoid").assertError(2);
        CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--scale", "tanh:-1").assertError(2);
        CliRunner.Result additive = CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--coupling", "additive", "--scale", "exp");
        additive.assertError(2);
        assertTrue(additive.err().contains("applies to affine couplings only"), additive.err());
    }

    @Test
    void benchRunsABatchNormFlowOnTheJavaSide() {
        JsonNode r = CliRunner.run("bench", "--n", 300, "--test-n", 100, "--layers", 2, "--hidden", "8,8", "--steps", 20,
                "--rounds", 1, "--batchnorm", "--scale", "tanh:3").assertOk().result();
        assertTrue(r.get("batchnorm").asBoolean());
        assertEquals("tanh:3", r.get("scale").asText());
        assertTrue(r.get("java_ms_per_step").asDouble() > 0);
        assertTrue(r.get("torch").asText().contains("seed's flow"), r.toString());
        CliRunner.run("bench", "--steps", 20, "--batchnorm", "--torch", "require").assertError(1);
    }

    @Test
    void trainWithActNormAndLuMixersSavesThemAndNpzExportIsRefused() throws Exception {
        Path zip = dir.resolve("glow.zip");
        JsonNode r = CliRunner.run("train", "--dataset", "moons", "--n", 300, "--layers", 2, "--hidden", "8,8", "--steps", 30,
                "--batch", 64, "--lr", 0.01, "--norm", "act", "--mixer", "lu", "--out", zip).assertOk().result();
        assertEquals("act", r.get("norm").asText());
        assertEquals("lu", r.get("mixer").asText());
        assertFalse(r.get("batchnorm").asBoolean());
        FlowSpec spec = ModelFile.load(zip).model().spec();
        assertEquals(org.flowexplorer.model.flow.Norm.ACT, spec.norm());
        assertEquals(org.flowexplorer.model.flow.Mixer.LU, spec.mixer());
        CliRunner.Result npz = CliRunner.run("convert", "--model", zip, "--out", dir.resolve("glow.npz"));
        assertTrue(npz.exitCode() != 0 && npz.err().contains("model file"), npz.err());
        JsonNode rot = CliRunner.run("train", "--dataset", "moons", "--n", 200, "--layers", 2, "--hidden", 4, "--steps", 2,
                "--norm", "batch", "--mixer", "rotation").assertOk().result();
        assertTrue(rot.get("batchnorm").asBoolean());
        CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--mixer", "shear").assertError(2);
        CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--batchnorm", "--norm", "act").assertError(2);
    }
}
