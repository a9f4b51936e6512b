package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.ActNorm;
import org.flowexplorer.model.flow.BatchNorm;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FixedRotation;
import org.flowexplorer.model.flow.FlowBlock;
import org.flowexplorer.model.flow.LuLinear;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.flow.SplineShape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported PyTorch script, run by /usr/bin/python3 with torch (skipped without it): its
 * {@code --check} CSV matches Java's log p to 1e-5 (relative above |log p| = 1) for every block the
 * template knows, its {@code --sample} and default runs work, and a model with a block the template
 * does not know is refused with one line.
 */
class TorchScriptTest {
    @TempDir
    Path dir;

    static Stream<Arguments> models() {
        int[] hidden = {12, 10};
        FlowSpec affine = FlowSpec.alternating(2, 3, hidden, CouplingType.AFFINE);
        List<Mask> custom = List.of(Mask.alternating(3, 0), Mask.alternating(3, 1), Mask.alternating(3, 0));
        return Stream.of(
                Arguments.of("affine (the seed's tanh:2)", affine, Precision.FLOAT32),
                Arguments.of("additive", FlowSpec.alternating(2, 4, hidden, CouplingType.ADDITIVE), Precision.FLOAT32),
                Arguments.of("softplus scale", affine.withScale(ScaleFunction.SOFTPLUS), Precision.FLOAT32),
                Arguments.of("exp scale", affine.withScale(ScaleFunction.EXP), Precision.FLOAT32),
                Arguments.of("tanh:3 with batch norm", affine.withScale(ScaleFunction.tanh(3)).withBatchNorm(true), Precision.FLOAT32),
                Arguments.of("additive with batch norm", FlowSpec.alternating(2, 3, hidden, CouplingType.ADDITIVE).withBatchNorm(true),
                        Precision.FLOAT32),
                Arguments.of("float64 in 3-D", new FlowSpec(3, custom, hidden, CouplingType.AFFINE), Precision.FLOAT64),
                Arguments.of("LU mixers", affine.withMixer(Mixer.LU), Precision.FLOAT32),
                Arguments.of("batch norm and LU mixers in 3-D, float64",
                        new FlowSpec(3, custom, hidden, CouplingType.AFFINE).withBatchNorm(true).withMixer(Mixer.LU), Precision.FLOAT64),
                Arguments.of("rotations", FlowSpec.alternating(2, 3, hidden, CouplingType.ADDITIVE).withMixer(Mixer.ROTATION),
                        Precision.FLOAT32),
                Arguments.of("ActNorm", affine.withNorm(Norm.ACT), Precision.FLOAT32),
                Arguments.of("additive with ActNorm and rotations", FlowSpec.alternating(2, 3, hidden, CouplingType.ADDITIVE)
                        .withNorm(Norm.ACT).withMixer(Mixer.ROTATION), Precision.FLOAT32),
                Arguments.of("ActNorm and LU mixers in 3-D, float64",
                        new FlowSpec(3, custom, hidden, CouplingType.AFFINE).withNorm(Norm.ACT).withMixer(Mixer.LU), Precision.FLOAT64),
                Arguments.of("spline (8 bins on [-4, 4])", FlowSpec.alternating(2, 3, hidden, CouplingType.SPLINE), Precision.FLOAT32),
                Arguments.of("spline, 5 bins on [-2.5, 2.5], ActNorm and LU mixers",
                        FlowSpec.alternating(2, 3, hidden, CouplingType.SPLINE).withSpline(new SplineShape(5, 2.5)).withNorm(Norm.ACT)
                                .withMixer(Mixer.LU), Precision.FLOAT32),
                Arguments.of("spline in 3-D, float64, with batch norm",
                        new FlowSpec(3, custom, hidden, CouplingType.SPLINE).withSpline(new SplineShape(4, 3)).withBatchNorm(true),
                        Precision.FLOAT64),
                Arguments.of("rotations in 3-D", new FlowSpec(3, custom, hidden, CouplingType.AFFINE).withMixer(Mixer.ROTATION),
                        Precision.FLOAT32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void checkPrintsJavasLogProbs(String name, FlowSpec spec, Precision precision) throws IOException {
        Assumptions.assumeTrue(TorchFixtures.torchAvailable(), "/usr/bin/python3 with torch and numpy is not available");
        RealNVP model = withBlockBuffers(Models.random(spec, precision, 41));
        Path script = dir.resolve("model.py");
        TorchScript.write(script, model);
        float[] x = Models.points(40, spec.dim(), 42);
        Path points = dir.resolve("points.csv");
        writePoints(points, x, spec.dim());

        TorchFixtures.Result r = TorchFixtures.run(List.of(script.toString(), "--check", points.toString()), 300);
        assertEquals(0, r.exitCode(), () -> "python failed:\n" + r.output());
        List<String> lines = r.output().lines().toList();
        assertEquals("log_prob", lines.get(0), r.output());
        float[] java = model.logProb(x);
        assertEquals(java.length + 1, lines.size(), r.output());
        double max = 0;
        for (int i = 0; i < java.length; i++) {
            double torch = Double.parseDouble(lines.get(i + 1));
            double diff = Math.abs(java[i] - torch);
            assertTrue(diff <= 1e-5 * Math.max(1, Math.abs(torch)), name + " point " + i + ": java " + java[i] + " torch " + torch);
            max = Math.max(max, diff);
        }
        System.out.println(String.format(Locale.ROOT, "[TorchScriptTest] %s: max |dlog_prob| = %.3g", name, max));
    }

    @Test
    void samplesAndPrintsAFewLogProbs() throws Exception {
        Assumptions.assumeTrue(TorchFixtures.torchAvailable(), "/usr/bin/python3 with torch and numpy is not available");
        RealNVP model = Models.random(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE).withBatchNorm(true),
                Precision.FLOAT32, 7);
        Path script = dir.resolve("model.py");
        TorchScript.write(script, model);

        TorchFixtures.Result samples = TorchFixtures.run(List.of(script.toString(), "--sample", "25", "--seed", "3"), 300);
        assertEquals(0, samples.exitCode(), samples::output);
        List<String> rows = samples.output().lines().toList();
        assertEquals("x,y", rows.get(0));
        assertEquals(26, rows.size());
        // a sample is a point of the model's space: forward through the flow it is finite
        Path sampled = dir.resolve("samples.csv");
        Files.writeString(sampled, samples.output());
        for (float lp : model.logProb(PointCsv.read(sampled))) {
            assertTrue(Float.isFinite(lp), samples.output());
        }

        TorchFixtures.Result plain = TorchFixtures.run(List.of(script.toString()), 300);
        assertEquals(0, plain.exitCode(), plain::output);
        assertEquals(5, plain.output().lines().count(), plain.output());
        assertTrue(plain.output().contains("log p(0, 0) = "), plain.output());
    }

    static Stream<Arguments> invertibleModels() {
        int[] hidden = {12, 10};
        return Stream.of(
                Arguments.of("spline, ActNorm, LU", FlowSpec.alternating(2, 3, hidden, CouplingType.SPLINE).withNorm(Norm.ACT)
                        .withMixer(Mixer.LU)),
                Arguments.of("affine, batch norm, rotations in 3-D", FlowSpec.alternating(3, 3, hidden, CouplingType.AFFINE)
                        .withBatchNorm(true).withMixer(Mixer.ROTATION)));
    }

    /** The script's inverse undoes its forward pass, block by block: x → (z, ld) → (x, −ld), in float64. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invertibleModels")
    void theScriptsInverseUndoesItsForward(String name, FlowSpec spec) throws IOException {
        Assumptions.assumeTrue(TorchFixtures.torchAvailable(), "/usr/bin/python3 with torch and numpy is not available");
        RealNVP model = withBlockBuffers(Models.random(spec, Precision.FLOAT64, 41));
        TorchScript.write(dir.resolve("model.py"), model);
        Path points = dir.resolve("points.csv");
        writePoints(points, Models.points(40, spec.dim(), 42), spec.dim());
        String code = "import sys; sys.path.insert(0, sys.argv[1]); import torch; from model import load_model, read_points\n"
                + "f = load_model(); x = read_points(sys.argv[2], f.dim)\n"
                + "with torch.no_grad():\n    z, ld = f(x); back, ld_back = f.inverse(z)\n"
                + "print('%.3g %.3g' % ((back - x).abs().max().item(), (ld + ld_back).abs().max().item()))";
        TorchFixtures.Result r = TorchFixtures.run(List.of("-c", code, dir.toString(), points.toString()), 300);
        assertEquals(0, r.exitCode(), () -> "python failed:\n" + r.output());
        String[] errors = r.output().strip().split(" ");
        assertTrue(Double.parseDouble(errors[0]) < 1e-8, name + ": max |x - inverse(forward(x))| = " + errors[0]);
        assertTrue(Double.parseDouble(errors[1]) < 1e-8, name + ": max |ld + ld_inverse| = " + errors[1]);
    }

    @Test
    void aBlockTheTemplateDoesNotKnowIsRefusedInOneLine() {
        RealNVP model = Models.random(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.ADDITIVE), Precision.FLOAT32, 7);
        Map<CouplingType, TorchScript.Block> onlyAffine = new EnumMap<>(CouplingType.class);
        onlyAffine.put(CouplingType.AFFINE, TorchScript.COUPLINGS.get(CouplingType.AFFINE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TorchScript.generate(model, onlyAffine,
                TorchScript.NORMS, TorchScript.MIXERS));
        assertEquals("cannot export as PyTorch code: the PyTorch template has no additive coupling (it knows affine)", e.getMessage());
    }

    @Test
    void aMixerTheTemplateDoesNotKnowIsRefusedInOneLine() {
        RealNVP model = Models.random(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE).withMixer(Mixer.ROTATION),
                Precision.FLOAT32, 7);
        Map<Mixer, TorchScript.After> onlyLu = Map.of(Mixer.LU, TorchScript.MIXERS.get(Mixer.LU));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchScript.generate(model, TorchScript.COUPLINGS, TorchScript.NORMS, onlyLu));
        assertEquals("cannot export as PyTorch code: the PyTorch template has no rotation mixer (it knows lu)", e.getMessage());
    }

    @Test
    void theScriptHoldsOnlyTheBlocksUsed() {
        String additive = TorchScript.generate(Models.random(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.ADDITIVE),
                Precision.FLOAT32, 7));
        assertTrue(additive.contains("class AdditiveCouplingLayer"));
        assertFalse(additive.contains("class AffineCouplingLayer"));
        assertFalse(additive.contains("class BatchNormFlow"));
        assertFalse(additive.contains("class LuLinear"));
        assertFalse(additive.contains("class SplineCouplingLayer"));
        assertFalse(additive.contains("{{"), "every placeholder filled");
    }

    /**
     * The model with its blocks' buffers as training leaves them (Models.random draws them as running statistics):
     * the rotations drawn at creation; for LU a permutation other than the identity (reversed) and signs −1, +1, …
     * (so that P and the signs are exercised); batch norms' running statistics as Models.random drew them, the
     * variances made positive.
     */
    private static RealNVP withBlockBuffers(RealNVP model) {
        double[] drawn = model.bufferValues();
        double[] created = RealNVP.create(model.spec(), model.precision(), 41).bufferValues();
        int d = model.dim();
        for (List<FlowBlock> after : model.blocks()) {
            for (FlowBlock b : after) {
                int o = b.bufferOffset();
                if (b instanceof FixedRotation) {
                    System.arraycopy(created, o, drawn, o, b.bufferCount());
                } else if (b instanceof LuLinear) {
                    for (int i = 0; i < d; i++) {
                        drawn[o + i] = d - 1 - i;
                        drawn[o + d + i] = i % 2 == 0 ? -1 : 1;
                    }
                } else if (b instanceof ActNorm) {
                    drawn[o] = 1;
                } else if (b instanceof BatchNorm) {
                    for (int i = o + d; i < o + 2 * d; i++) { // after a mixer's buffers the draw is off the variances' slots
                        drawn[i] = drawn[i] > 0 ? drawn[i] : 0.5 - drawn[i];
                    }
                }
            }
        }
        model.setBufferValues(drawn);
        return model;
    }

    private static void writePoints(Path file, float[] x, int dim) throws IOException {
        StringBuilder csv = new StringBuilder(dim == 2 ? "x,y\n" : "a,b,c\n");
        for (int i = 0; i < x.length; i += dim) {
            for (int j = 0; j < dim; j++) {
                csv.append(j == 0 ? "" : ",").append(Float.toString(x[i + j]));
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
    }
}
