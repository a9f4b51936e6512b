package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java-exported state_dicts (stored and compressed) load into the seed's PyTorch RealNVP with
 * {@code load_state_dict(strict=True)} and give Java's log-probs; a state_dict written back by
 * numpy ({@code np.savez_compressed}) imports bit-identically. Skipped when /usr/bin/python3 with
 * torch is not available.
 */
class TorchInteropTest {
    @TempDir
    Path dir;

    @Test
    void exportedStateDictLoadsStrictlyIntoTheSeedsModel() throws IOException {
        Assumptions.assumeTrue(TorchFixtures.torchAvailable(), "/usr/bin/python3 with torch and numpy is not available");
        RealNVP model = Models.random(FlowSpec.alternating(2, 3, new int[] {12, 10}, CouplingType.AFFINE), Precision.FLOAT32, 31);
        Path stored = dir.resolve("stored.npz");
        Path compressed = dir.resolve("compressed.npz");
        TorchStateDict.write(stored, model, false);
        TorchStateDict.write(compressed, model, true);
        float[] x = Models.points(50, 2, 32);
        Path points = dir.resolve("points.npz");
        Npz.write(points, Map.of("x", NdArray.ofFloats(x, 50, 2)), false);
        Path out = dir.resolve("out.npz");

        TorchFixtures.Result r = TorchFixtures.run(List.of(TorchFixtures.path("check_state_dict.py").toString(),
                points.toString(), out.toString(), stored.toString(), compressed.toString()), 300);
        assertEquals(0, r.exitCode(), () -> "python failed:\n" + r.output());

        Map<String, NdArray> result = Npz.read(out);
        float[] java = model.logProb(x);
        double max = 0, maxRel = 0, maxAbsLp = 0;
        for (String key : List.of("log_prob_0", "log_prob_1")) {
            float[] torch = result.get(key).toFloats();
            assertEquals(java.length, torch.length);
            for (int i = 0; i < java.length; i++) {
                double diff = Math.abs(java[i] - torch[i]);
                assertTrue(diff <= 1e-5 * Math.max(1, Math.abs(torch[i])), key + "[" + i + "]: java " + java[i] + " torch " + torch[i]);
                max = Math.max(max, diff);
                maxRel = Math.max(maxRel, diff / Math.max(1, Math.abs(torch[i])));
                maxAbsLp = Math.max(maxAbsLp, Math.abs(torch[i]));
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "[TorchInteropTest] exported model in PyTorch: max |dlog_prob| = %.3g, max relative = %.3g (|log_prob| up to %.1f)",
                max, maxRel, maxAbsLp));

        // torch -> numpy savez_compressed -> Java: the very same parameters
        assertIdentical(model, TorchStateDict.read(dir.resolve("out_resaved.npz")).model());
    }
}
