package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch normalisation and scale functions in the native zip and the .npz state_dict. */
class FlowBlocksFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FlowSpec NORMED = FlowSpec.alternating(2, 3, new int[] {8, 8}, CouplingType.AFFINE)
            .withScale(ScaleFunction.SOFTPLUS).withBatchNorm(true);

    @TempDir
    Path dir;

    @Test
    void nativeZipKeepsNormsAndScale() throws IOException {
        for (Precision p : Precision.values()) {
            for (FlowSpec spec : List.of(NORMED, FlowSpec.alternating(2, 2, new int[] {6}, CouplingType.ADDITIVE).withBatchNorm(true),
                    FlowSpec.alternating(2, 2, new int[] {6}, CouplingType.AFFINE).withScale(ScaleFunction.tanh(3.5)))) {
                RealNVP model = Models.random(spec, p, 3);
                Path file = dir.resolve("m-" + p + ".zip");
                ModelFile.save(file, model, null);
                assertIdentical(model, ModelFile.load(file).model());
            }
        }
        RealNVP model = Models.random(NORMED, Precision.FLOAT32, 4);
        Path file = dir.resolve("normed.zip");
        ModelFile.save(file, model, null);
        Map<String, byte[]> entries = ZipEdits.entries(file);
        JsonNode m = JSON.readTree(entries.get("manifest.json"));
        assertEquals(2, m.get("version").asInt());
        assertEquals("softplus", m.get("scale").asText());
        assertTrue(m.get("batchNorm").asBoolean());
        assertEquals(model.parameterCount(), m.get("parameterCount").asInt());
        for (String name : List.of("log_gamma", "beta", "running_mean", "running_var")) {
            assertTrue(entries.containsKey("params/norms.2." + name + ".npy"), name);
        }
    }

    @Test
    void seedFlowsStayVersionOneWithoutTheNewFields() throws IOException {
        Path file = dir.resolve("seed.zip");
        ModelFile.save(file, Models.random(FlowSpec.alternating(2, 2, new int[] {6}, CouplingType.AFFINE), Precision.FLOAT32, 1), null);
        JsonNode m = JSON.readTree(ZipEdits.entries(file).get("manifest.json"));
        assertEquals(1, m.get("version").asInt());
        assertFalse(m.has("scale"));
        assertFalse(m.has("batchNorm"));
    }

    @Test
    void trainedNormsGiveTheSameEvaluationLogProbAfterSaveAndLoad() throws IOException {
        RealNVP model = RealNVP.create(NORMED, 5);
        float[] data = Models.points(300, 2, 6);
        Trainer trainer = new Trainer(model, data, new TrainingConfig(64, 1e-2, 1.0, 5));
        for (int i = 0; i < 30; i++) {
            trainer.step();
        }
        double[] stats = model.bufferValues();
        assertTrue(stats[0] != 0 && stats[2] != 1, "training moved the running statistics");
        Path zip = dir.resolve("trained.zip"), npz = dir.resolve("trained.npz");
        ModelFile.save(zip, model, null);
        TorchStateDict.write(npz, model, true);
        assertIdentical(model, ModelFile.load(zip).model());
        assertIdentical(model, TorchStateDict.read(npz).model());
    }

    @Test
    void stateDictKeysFollowTheCouplings() throws IOException {
        RealNVP model = Models.random(NORMED, Precision.FLOAT32, 7);
        LinkedHashMap<String, NdArray> arrays = TorchStateDict.toArrays(model);
        List<String> keys = new ArrayList<>(arrays.keySet());
        int firstNorm = keys.indexOf("norms.0.log_gamma");
        assertEquals("layers.2.net.4.bias", keys.get(firstNorm - 1));
        assertEquals(List.of("norms.0.log_gamma", "norms.0.beta", "norms.0.running_mean", "norms.0.running_var", "norms.1.log_gamma"),
                keys.subList(firstNorm, firstNorm + 5));
        assertEquals("meta.scale", keys.get(keys.size() - 1));
        assertEquals("softplus", new String(bytes(arrays.get("meta.scale")), StandardCharsets.UTF_8));
        assertArrayEquals(new long[] {2}, arrays.get("norms.1.running_var").shape());
        assertEquals(NdType.FLOAT32, arrays.get("norms.1.running_var").dtype());
        // the seed's flow has neither
        RealNVP seed = Models.random(FlowSpec.alternating(2, 2, new int[] {6}, CouplingType.AFFINE), Precision.FLOAT32, 1);
        assertTrue(TorchStateDict.toArrays(seed).keySet().stream().allMatch(k -> k.startsWith("layers.")));
        // a state_dict without meta.scale is the seed's tanh·2
        arrays.remove("meta.scale");
        assertEquals(ScaleFunction.DEFAULT, TorchStateDict.fromArrays(arrays, "x.npz").spec().scale());
    }

    private static byte[] bytes(NdArray a) {
        long[] v = a.toLongs();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void badNormsAndScalesAreOneLineErrors() throws IOException {
        Map<String, NdArray> good = TorchStateDict.toArrays(Models.random(NORMED, Precision.FLOAT32, 8));
        assertNpzError(edit(good, a -> a.remove("norms.1.beta")), "missing key 'norms.1.beta'");
        assertNpzError(edit(good, a -> a.put("norms.3.beta", NdArray.ofFloats(new float[2], 2))), "unexpected key 'norms.3.beta'",
                "only 3 coupling layers");
        assertNpzError(edit(good, a -> a.put("norms.0.beta", NdArray.ofFloats(new float[3], 3))), "'norms.0.beta' has shape [3], expected [2]");
        assertNpzError(edit(good, a -> a.put("norms.0.running_var", NdArray.ofDoubles(new double[2], 2))),
                "'norms.0.running_var' has dtype float64, expected float32");
        assertNpzError(edit(good, a -> a.put("norms.0.running_var", NdArray.ofFloats(new float[] {1, -1}, 2))), "negative variance");
        byte[] bogus = "bogus".getBytes(StandardCharsets.UTF_8);
        assertNpzError(edit(good, a -> a.put("meta.scale", NdArray.ofUnsignedBytes(bogus, bogus.length))), "'meta.scale': unknown scale 'bogus'");
        assertNpzError(edit(good, a -> a.put("norms.0.beta", NdArray.ofFloats(new float[] {Float.NaN, 0}, 2))), "norms.0.beta", "non-finite");
    }

    private static Map<String, NdArray> edit(Map<String, NdArray> arrays, java.util.function.Consumer<Map<String, NdArray>> change) {
        Map<String, NdArray> copy = new LinkedHashMap<>(arrays);
        change.accept(copy);
        return copy;
    }

    private void assertNpzError(Map<String, NdArray> arrays, String... fragments) throws IOException {
        Models.assertStateDictRejected(dir, arrays, fragments);
    }

    @Test
    void nativeZipKeepsActNormAndMixers() throws IOException {
        for (Precision p : Precision.values()) {
            for (FlowSpec spec : List.of(
                    FlowSpec.alternating(2, 3, new int[] {6}, CouplingType.AFFINE).withNorm(org.flowexplorer.model.flow.Norm.ACT)
                            .withMixer(org.flowexplorer.model.flow.Mixer.LU),
                    FlowSpec.alternating(2, 2, new int[] {6}, CouplingType.ADDITIVE).withMixer(org.flowexplorer.model.flow.Mixer.ROTATION),
                    FlowSpec.alternating(2, 2, new int[] {6}, CouplingType.AFFINE).withBatchNorm(true)
                            .withMixer(org.flowexplorer.model.flow.Mixer.ROTATION))) {
                RealNVP model = RealNVP.create(spec, p, 5);
                float[] x = Models.points(64, 2, 6);
                model.nllAndGradient(x, null, 0, 64); // initialises the ActNorms, moves the running statistics
                double[] params = model.parameterValues();
                java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
                for (int i = 0; i < params.length; i++) {
                    params[i] += 0.2 * rng.nextGaussian();
                }
                model.setParameters(params);
                Path file = dir.resolve("blocks-" + p + ".zip");
                ModelFile.save(file, model, null);
                RealNVP back = ModelFile.load(file).model();
                assertIdentical(model, back);
                JsonNode m = JSON.readTree(ZipEdits.entries(file).get("manifest.json"));
                assertEquals(2, m.get("version").asInt());
                assertEquals(spec.mixer().id(), m.get("mixer").asText());
                assertEquals(spec.norm() == org.flowexplorer.model.flow.Norm.ACT, m.has("norm"));
                Path npz = dir.resolve("blocks.npz");
                IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TorchStateDict.write(npz, model, false));
                assertTrue(refused.getMessage().contains("model file"), refused.getMessage());
            }
        }
    }
}
