package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.flowexplorer.model.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse-KL loss's gradient (through the inverse pass) against central finite differences of
 * the loss itself, in float64, for every coupling and scale that supports it.
 */
class ReverseKlGradientTest {
    /** A smooth two-well energy with an analytic gradient, so only the flow's gradient is under test. */
    private static final Energy WELLS = (x, rows, u, grad) -> {
        for (int r = 0; r < rows; r++) {
            double a = x[2 * r], b = x[2 * r + 1];
            u[r] = 0.25 * (a * a - 1) * (a * a - 1) + 0.5 * b * b + 0.3 * a * b;
            grad[2 * r] = (a * a - 1) * a + 0.3 * b;
            grad[2 * r + 1] = b + 0.3 * a;
        }
    };

    static Stream<Arguments> flows() {
        return Stream.of(
                Arguments.of(CouplingType.AFFINE, ScaleFunction.DEFAULT),
                Arguments.of(CouplingType.AFFINE, ScaleFunction.SOFTPLUS),
                Arguments.of(CouplingType.AFFINE, ScaleFunction.EXP),
                Arguments.of(CouplingType.ADDITIVE, ScaleFunction.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource("flows")
    void gradientMatchesFiniteDifferences(CouplingType coupling, ScaleFunction scale) {
        FlowSpec spec = FlowSpec.alternating(2, 3, new int[] {8}, coupling).withScale(scale);
        RealNVP flow = RealNVP.create(spec, Precision.FLOAT64, 3);
        SplittableRandom rng = new SplittableRandom(7);
        double[] theta = new double[flow.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.4 * rng.nextGaussian(); // no zero last layer: every path carries gradient
        }
        flow.setParameters(theta);
        float[] z = new float[2 * 16];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        flow.reverseKlAndGradient(z, WELLS);
        double[] analytic = gradients(flow);
        double worst = 0;
        for (int k = 0; k < 40; k++) {
            int i = rng.nextInt(theta.length);
            double h = 1e-6;
            double[] plus = theta.clone(), minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            flow.setParameters(plus);
            double lp = flow.reverseKlAndGradient(z, WELLS);
            flow.setParameters(minus);
            double lm = flow.reverseKlAndGradient(z, WELLS);
            double numeric = (lp - lm) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + i);
            worst = Math.max(worst, Math.abs(analytic[i]));
        }
        assertTrue(worst > 1e-3, "the sampled gradient entries were all ~0: " + worst);
    }

    @Test
    void theLossIsTheMeanOfLogQPlusU() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE), Precision.FLOAT64, 1);
        float[] z = {0.5f, -1f, 2f, 0.25f};
        double loss = flow.reverseKlAndGradient(z, WELLS);
        // identity at initialisation: x = z, log q(x) = log N(z)
        double expected = 0;
        for (int r = 0; r < 2; r++) {
            double a = z[2 * r], b = z[2 * r + 1];
            double logN = -0.5 * (a * a + b * b) - Math.log(2 * Math.PI);
            expected += logN + 0.25 * (a * a - 1) * (a * a - 1) + 0.5 * b * b + 0.3 * a * b;
        }
        assertEquals(expected / 2, loss, 1e-12);
    }

    @Test
    void batchNormIsRefusedInOneLine() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withBatchNorm(true),
                Precision.FLOAT64, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> flow.reverseKlAndGradient(new float[] {0f, 0f}, WELLS));
        assertEquals("reverse-KL fitting does not support batch normalisation", e.getMessage());
    }

    private static double[] gradients(RealNVP flow) {
        return gradients(flow.parameterStore());
    }

    private static <A> double[] gradients(org.flowexplorer.model.nn.ParameterStore<A> s) {
        return s.numerics().toDoubles(s.gradients(), 0, s.size());
    }
}
