package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.ScaleFunction;
import org.junit.jupiter.api.Test;

/**
 * The scale parameterisations' effect, shown by training: the seed's s = 2·tanh(raw) bounds each
 * coupling's log-scale to [−2, 2]. In a two-layer flow every coordinate is scaled exactly once, so
 * on N(0, 20²·I) (which needs s = −log 20 ≈ −3.0) the best such flow scales by e^−2 at most and its
 * NLL is at least Σ_j (½ log 2π + ½ e^−4 · var_j + 2) ≈ 13.2 nats; H(p) = log(2πe·400) ≈ 8.83.
 * Unbounded log-scales (exp, softplus) and a looser bound (tanh:4) get there. Measured (600 steps):
 * tanh:2 13.11 (floor on the test sample 13.10), tanh:4 8.82, exp 8.83, softplus 8.83; H(p) 8.83.
 */
class ScaleBoundTrainingTest {
    private static final double SIGMA = 20;
    private static final int STEPS = 600;

    private static double trainedTestNll(ScaleFunction scale, float[] train, float[] test) {
        Architecture a = new Architecture(2, new int[] {8, 8}, CouplingType.AFFINE).withScale(scale);
        return ShortTraining.testNll(a, new TrainingConfig(256, 3e-2, 1.0, 5), STEPS, train, test);
    }

    @Test
    void theSeedsTanhBoundLimitsWhatATwoLayerFlowCanFitAndTheOtherScalesDoNot() {
        float[] train = ShortTraining.isotropicGaussian(2000, SIGMA, 1), test = ShortTraining.isotropicGaussian(4000, SIGMA, 2);
        double floor = 0;
        for (int j = 0; j < 2; j++) {
            double mean = 0, var = 0;
            for (int r = 0; r < test.length / 2; r++) {
                mean += test[2 * r + j] / (test.length / 2.0);
            }
            for (int r = 0; r < test.length / 2; r++) {
                var += Math.pow(test[2 * r + j] - mean, 2) / (test.length / 2.0);
            }
            floor += 0.5 * Math.log(2 * Math.PI) + 0.5 * Math.exp(-4) * var + 2;
        }
        double entropy = Math.log(2 * Math.PI * Math.E * SIGMA * SIGMA);
        double tanh2 = trainedTestNll(ScaleFunction.DEFAULT, train, test);
        double tanh4 = trainedTestNll(ScaleFunction.tanh(4), train, test);
        double exp = trainedTestNll(ScaleFunction.EXP, train, test);
        double softplus = trainedTestNll(ScaleFunction.SOFTPLUS, train, test);
        String figures = String.format(Locale.ROOT, "test NLL after %d steps: tanh:2 %.3f, tanh:4 %.3f, exp %.3f, softplus %.3f;"
                + " tanh:2 floor %.3f, H(p) %.3f", STEPS, tanh2, tanh4, exp, softplus, floor, entropy);
        System.out.println(figures);
        // the conditioner sees the other coordinate, independent of this one: it can fit only the
        // sample's chance dependence, hence the small tolerance
        assertTrue(tanh2 > floor - 0.05, figures);
        assertTrue(tanh2 < floor + 0.5, "tanh:2 should reach its bound: " + figures);
        for (double unbounded : new double[] {tanh4, exp, softplus}) {
            assertTrue(unbounded < entropy + 0.5, figures);
            assertTrue(unbounded > entropy - 0.1, figures); // no model beats H(p) beyond the test sample's noise
        }
    }
}
