package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ParameterStore;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java RealNVP against the seed's PyTorch code (fixture written by
 * src/test/resources/torch/make_torch_fixture.py): the same state_dict must give the same z,
 * log-det and log-prob, and one training step (mean NLL, clip_grad_norm_(1.0), Adam lr=1e-2) the
 * same loss, gradient norm and updated parameters, all within 1e-5 (relative above magnitude 1).
 * The same for the seed's flow with a batch normalisation after every coupling
 * (make_torch_batchnorm_fixture.py): log p in evaluation mode (running statistics), and the
 * training-mode step's loss, gradients (through the batch statistics) and updated running statistics.
 */
class TorchAgreementTest {
    private static final double TOL = 1e-5;
    private static final int BATCH = 32;
    private static final FlowSpec SEED = FlowSpec.alternating(2, 4, new int[] {16, 16}, CouplingType.AFFINE);
    private static Map<String, NdArray> fixture;
    private static Map<String, NdArray> batchNormFixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void readFixture() throws IOException {
        fixture = Npz.read(TorchFixtures.path("realnvp_fixture.npz"));
        batchNormFixture = Npz.read(TorchFixtures.path("realnvp_batchnorm_fixture.npz"));
    }

    /** Runs {@code test} with the batch-norm fixture in place of the seed's. */
    private static void withBatchNormFixture(IoTest test) throws IOException {
        Map<String, NdArray> seed = fixture;
        fixture = batchNormFixture;
        try {
            test.run();
        } finally {
            fixture = seed;
        }
    }

    @FunctionalInterface
    private interface IoTest {
        void run() throws IOException;
    }

    /** The fixture's state_dict, written to its own .npz and read back through the importer. */
    private RealNVP importedModel() throws IOException {
        Map<String, NdArray> sd = prefixed("");
        Path npz = dir.resolve("state_dict.npz");
        Npz.write(npz, sd, false);
        LoadedModel loaded = TorchStateDict.read(npz);
        assertEquals(ModelMetadata.none(), loaded.metadata());
        return loaded.model();
    }

    private static Map<String, NdArray> prefixed(String prefix) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : fixture.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(prefix + "layers.") || key.startsWith(prefix + "norms.")) {
                out.put(key.substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }

    @Test
    void importerInfersTheSeedArchitecture() throws IOException {
        importerInfers(SEED);
    }

    @Test
    void batchNormFlowMatchesPyTorch() throws IOException {
        withBatchNormFixture(() -> {
            importerInfers(SEED.withBatchNorm(true));
            forwardAndLogProbMatchPyTorch();
            oneTrainingStepMatchesPyTorch();
        });
    }

    private void importerInfers(FlowSpec spec) throws IOException {
        RealNVP model = importedModel();
        assertEquals(spec, model.spec());
        assertEquals(Precision.FLOAT32, model.precision());
        // and exporting gives back the very same arrays (keys, order, dtypes, bits)
        assertEquals(prefixed(""), TorchStateDict.toArrays(model));
    }

    @Test
    void forwardAndLogProbMatchPyTorch() throws IOException {
        RealNVP model = importedModel();
        float[] x = fixture.get("x").toFloats();
        float[] logDet = new float[x.length / 2];
        float[] z = model.forward(x, logDet);
        float[] logProb = model.logProb(x);
        double dz = maxDiff("z", z, fixture.get("z").toFloats());
        double dld = maxDiff("log_det", logDet, fixture.get("log_det").toFloats());
        double dlp = maxDiff("log_prob", logProb, fixture.get("log_prob").toFloats());
        report((fixture == batchNormFixture ? "with batch norm, evaluation mode: " : "") + "forward (64 points): max |dz| = %.3g, max |dlog_det| = %.3g, max |dlog_prob| = %.3g", dz, dld, dlp);
    }

    @Test
    void oneTrainingStepMatchesPyTorch() throws IOException {
        float[] batch = fixture.get("batch").toFloats();
        assertEquals(2 * BATCH, batch.length);

        // loss and gradient, rows in the fixture's order
        RealNVP probe = importedModel();
        double loss = probe.nllAndGradient(batch, null, 0, BATCH);
        double[] grad = gradients(probe.parameterStore());
        double gradNorm = 0;
        for (double g : grad) {
            gradNorm += g * g;
        }
        gradNorm = Math.sqrt(gradNorm);
        double torchLoss = fixture.get("loss").toDoubles()[0];
        double torchNorm = fixture.get("grad_norm").toDoubles()[0];
        assertTrue(torchNorm > 1.5, "the fixture must exercise clipping");
        double dLoss = check("loss", loss, torchLoss);
        double dNorm = check("grad_norm", gradNorm, torchNorm);
        double dGrad = 0;
        List<StateDictLayout.Tensor> buffers = StateDictLayout.buffers(probe);
        double[] running = probe.bufferValues();
        for (StateDictLayout.Tensor t : buffers) { // the training pass's running statistics, before any Adam step
            double[] expected = fixture.get("after." + t.key()).toDoubles();
            for (int k = 0; k < expected.length; k++) {
                check(t.key() + "[" + k + "] after the training pass", running[t.offset() + k], expected[k]);
            }
        }
        for (StateDictLayout.Tensor t : StateDictLayout.parameters(probe)) {
            double[] expected = fixture.get("grad." + t.key()).toDoubles();
            for (int k = 0; k < expected.length; k++) {
                dGrad = Math.max(dGrad, check("grad." + t.key() + "[" + k + "]", grad[t.offset() + k], expected[k]));
            }
        }

        // one Trainer step over exactly those 32 points (shuffled: a mean is order-independent up to rounding)
        RealNVP model = importedModel();
        Trainer trainer = new Trainer(model, batch, new TrainingConfig(BATCH, 1e-2, 1.0, 0));
        double stepLoss = trainer.step();
        check("trainer loss", stepLoss, torchLoss);
        check("trainer grad norm", trainer.lastGradientNorm(), torchNorm);
        Map<String, NdArray> after = TorchStateDict.toArrays(model);
        Map<String, NdArray> expected = prefixed("after.");
        assertEquals(expected.keySet(), after.keySet());
        double dParam = 0;
        Map<String, NdArray> before = prefixed("");
        for (String key : expected.keySet()) {
            NdArray torchGrad = fixture.get("grad." + key);
            if (buffers.isEmpty() || torchGrad == null) {
                dParam = Math.max(dParam, maxDiff("after." + key, after.get(key).toFloats(), expected.get(key).toFloats()));
            } else {
                dParam = Math.max(dParam, afterAdamWithNorms(key, before.get(key).toFloats(), after.get(key).toFloats(),
                        expected.get(key).toFloats(), torchGrad.toFloats()));
            }
        }
        report((buffers.isEmpty() ? "" : "with batch norm: ") + "training step: |dloss| = %.3g, |dgrad_norm| = %.3g (torch %.6f), max |dgrad| = %.3g, max |dparam after Adam| = %.3g",
                dLoss, dNorm, torchNorm, dGrad, dParam);
    }

    /**
     * Parameters after Adam with batch norms. A coupling's shift bias adds a constant to a feature
     * that the next norm's batch mean takes away again, so its gradient is exactly zero and both
     * sides hold rounding noise (torch: ±1.5e-8); Adam's first step, lr·g/(|g| + 1e-8), turns noise
     * into a step of up to lr in either direction. Those parameters (|torch gradient| ≤ 1e-6, whose
     * gradient agreement is asserted above) must move by at most lr; every other one must agree.
     */
    private static double afterAdamWithNorms(String key, float[] before, float[] actual, float[] expected, float[] torchGrad) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(torchGrad[i]) <= 1e-6) {
                assertTrue(Math.abs(actual[i] - before[i]) <= 1e-2 + 1e-7, "after." + key + "[" + i + "] moved more than lr");
                assertTrue(Math.abs(expected[i] - before[i]) <= 1e-2 + 1e-7, "torch's after." + key + "[" + i + "] moved more than lr");
            } else {
                max = Math.max(max, check("after." + key + "[" + i + "]", actual[i], expected[i]));
            }
        }
        return max;
    }

    private static <A> double[] gradients(ParameterStore<A> store) {
        return store.numerics().toDoubles(store.gradients(), 0, store.size());
    }

    private static double maxDiff(String what, float[] actual, float[] expected) {
        assertEquals(expected.length, actual.length, what + " length");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, check(what + "[" + i + "]", actual[i], expected[i]));
        }
        return max;
    }

    /** Asserts |a − e| ≤ 1e-5·max(1, |e|) and returns |a − e|. */
    private static double check(String what, double actual, double expected) {
        double diff = Math.abs(actual - expected);
        assertTrue(diff <= TOL * Math.max(1, Math.abs(expected)),
                () -> what + ": java " + actual + " vs torch " + expected + " (diff " + diff + ")");
        return diff;
    }

    private static void report(String format, Object... args) {
        System.out.println("[TorchAgreementTest] " + String.format(Locale.ROOT, format, args));
    }
}
