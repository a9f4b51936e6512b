package org.flowexplorer.model.teach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowexplorer.model.teach.WorkedExample.Linear;
import org.flowexplorer.model.teach.WorkedExample.Stage;
import org.junit.jupiter.api.Test;

class WorkedExampleTest {
    private final WorkedExample ex = WorkedExample.create(42);

    @Test
    void inputsEqualTheNotebooksPrints() {
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, ex.stage("x").values());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 0, 0, 0}, ex.stage("mask").values());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 0, 0, 0}, ex.stage("x_m").values());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 1, 1, 1}, ex.stage("one_minus_mask").values());
    }

    @Test
    void stagesInTheNotebooksOrder() {
        assertEquals(List.of("x", "mask", "x_m", "one_minus_mask", "s after fc1+relu", "s after fc2+relu", "s after fc3",
                "s after tanh", "t after fc1+relu", "t after fc2+relu", "t after fc3", "x_exp_s", "x_exp_s_plus_t",
                "transformed", "y"), ex.stages().stream().map(Stage::label).toList());
        assertEquals(List.of("Input", "Input", "Step 1", "Step 2", "Step 3", "Step 3", "Step 3", "Step 3", "Step 4",
                "Step 4", "Step 4", "Step 5", "Step 6", "Step 7", "Step 8"), ex.stages().stream().map(Stage::step).toList());
    }

    private static double[] linear(Linear l, double[] v) {
        double[] w = l.weight(), b = l.bias();
        double[] o = new double[9];
        for (int r = 0; r < 9; r++) {
            o[r] = b[r];
            for (int c = 0; c < 9; c++) {
                o[r] += w[9 * r + c] * v[c];
            }
        }
        return o;
    }

    private static double[] relu(double[] v) {
        double[] o = v.clone();
        for (int i = 0; i < 9; i++) {
            o[i] = o[i] > 0 ? o[i] : 0;
        }
        return o;
    }

    @Test
    void everyLaterStepFollowsFromThePreviousOnes() {
        double[] xm = ex.stage("x_m").values();
        double[] h1 = relu(linear(ex.sNet().get(0), xm));
        assertArrayEquals(h1, ex.stage("s after fc1+relu").values(), 1e-12);
        double[] h2 = relu(linear(ex.sNet().get(1), ex.stage("s after fc1+relu").values()));
        assertArrayEquals(h2, ex.stage("s after fc2+relu").values(), 1e-12);
        double[] s3 = linear(ex.sNet().get(2), ex.stage("s after fc2+relu").values());
        assertArrayEquals(s3, ex.stage("s after fc3").values(), 1e-12);
        double[] s = ex.stage("s after tanh").values();
        for (int i = 0; i < 9; i++) {
            assertEquals(Math.tanh(s3[i]), s[i], 1e-12, "plain tanh, as in the notebook (not 2·tanh)");
        }
        assertArrayEquals(relu(linear(ex.tNet().get(0), xm)), ex.stage("t after fc1+relu").values(), 1e-12);
        assertArrayEquals(relu(linear(ex.tNet().get(1), ex.stage("t after fc1+relu").values())),
                ex.stage("t after fc2+relu").values(), 1e-12);
        double[] t = linear(ex.tNet().get(2), ex.stage("t after fc2+relu").values());
        assertArrayEquals(t, ex.stage("t after fc3").values(), 1e-12);
        double[] x = ex.stage("x").values(), mask = ex.stage("mask").values();
        for (int i = 0; i < 9; i++) {
            double xe = x[i] * Math.exp(s[i]); // exp(s) on all of x, masked afterwards — as the notebook
            assertEquals(xe, ex.stage("x_exp_s").values()[i], 1e-12);
            assertEquals(xe + t[i], ex.stage("x_exp_s_plus_t").values()[i], 1e-12);
            assertEquals((1 - mask[i]) * (xe + t[i]), ex.stage("transformed").values()[i], 1e-12);
            assertEquals(x[i] * mask[i] + (1 - mask[i]) * (xe + t[i]), ex.stage("y").values()[i], 1e-12);
        }
        // Step 5 is defined on the masked rows too (the notebook computes exp(s) for all of x)
        assertNotEquals(x[0], ex.stage("x_exp_s").values()[0]);
    }

    @Test
    void yKeepsTheFirstSixEntriesOfX() {
        double[] y = ex.stage("y").values();
        for (int i = 0; i < 6; i++) {
            assertEquals(WorkedExample.X[i], y[i]);
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(0.0, ex.stage("transformed").values()[i], "the mask-1 rows of 'transformed' are 0");
        }
    }

    @Test
    void weightsAreSeededPyTorchDefaultInit() {
        WorkedExample again = WorkedExample.create(42), other = WorkedExample.create(43);
        assertArrayEquals(ex.stage("y").values(), again.stage("y").values());
        assertTrue(!java.util.Arrays.equals(ex.stage("y").values(), other.stage("y").values()));
        for (Linear l : ex.sNet()) {
            for (double w : l.weight()) {
                assertTrue(Math.abs(w) <= 1.0 / 3, "U(±1/√9)");
            }
        }
        assertEquals(42, ex.seed());
    }
}
