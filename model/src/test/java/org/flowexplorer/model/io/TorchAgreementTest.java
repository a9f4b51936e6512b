package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 */
class TorchAgreementTest {
    private static final double TOL = 1e-5;
    private static final int BATCH = 32;
    private static Map<String, NdArray> fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void readFixture() throws IOException {
        fixture = Npz.read(TorchFixtures.path("realnvp_fixture.npz"));
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
            if (key.startsWith(prefix + "layers.")) {
                out.put(key.substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }

    @Test
    void importerInfersTheSeedArchitecture() throws IOException {
        RealNVP model = importedModel();
        assertEquals(FlowSpec.alternating(2, 4, new int[] {16, 16}, CouplingType.AFFINE), model.spec());
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
        report("forward (64 points): max |dz| = %.3g, max |dlog_det| = %.3g, max |dlog_prob| = %.3g", dz, dld, dlp);
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
        for (String key : expected.keySet()) {
            dParam = Math.max(dParam, maxDiff("after." + key, after.get(key).toFloats(), expected.get(key).toFloats()));
        }
        report("training step: |dloss| = %.3g, |dgrad_norm| = %.3g (torch %.6f), max |dgrad| = %.3g, max |dparam after Adam| = %.3g",
                dLoss, dNorm, torchNorm, dGrad, dParam);
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
