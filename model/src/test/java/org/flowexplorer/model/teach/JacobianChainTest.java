package org.flowexplorer.model.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.CouplingWalk;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.LayerJacobian;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.JacobianChain.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JacobianChainTest {
    private static final double[] POINTS = {0.3, -1.2, 1.7, 0.4, -2.1, 2.5, 0.05, 0.02};
    private static final double STEP = 1e-5;

    private static void relativelyClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-3 * Math.max(1e-3, Math.abs(expected)),
                what + ": expected " + expected + " got " + actual);
    }

    /** Central differences of one layer's own float64 pass, [D, D]: ±STEP on each coordinate in turn. */
    private static double[] numeric(CouplingLayer layer, double[] params, double[] x) {
        int d = x.length;
        double[] out = new double[d * d];
        for (int k = 0; k < 2 * d; k++) {
            double sign = k % 2 == 0 ? 1 : -1;
            double[] shifted = x.clone();
            shifted[k / 2] += sign * STEP;
            double[] y = layer.walk(params, shifted, false).output();
            for (int i = 0; i < d; i++) {
                out[i * d + k / 2] += sign * y[i] / (2 * STEP);
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void eachLayersJacobianIsTheFiniteDifferenceJacobianWithTheRolesItsMaskGives(CouplingType type) {
        for (int dim : new int[] {2, 3}) {
            RealNVP flow = CouplingInspectionTest.trainedIsh(FlowSpec.alternating(dim, 4, new int[] {16, 16}, type), 11);
            double[] params = flow.parameterValues();
            double[] x = new double[dim * 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = POINTS[i % POINTS.length];
            }
            for (int l = 0; l < 4; l++) {
                CouplingLayer layer = flow.layers().get(l);
                LayerJacobian j = LayerJacobian.of(layer, params, x);
                for (int r = 0; r < 3; r++) {
                    double[] p = java.util.Arrays.copyOfRange(x, r * dim, (r + 1) * dim);
                    double[] fd = numeric(layer, params, p);
                    CouplingWalk walk = layer.walk(params, p, false);
                    int[] ti = layer.mask().transformedIndices();
                    for (int a = 0; a < dim; a++) {
                        for (int b = 0; b < dim; b++) {
                            double v = j.entry(r, a, b);
                            relativelyClose(fd[a * dim + b], v, type + " D=" + dim + " l=" + l + " J[" + a + "][" + b + "]");
                            Role role = JacobianChain.role(layer.mask(), a, b);
                            if (role == Role.IDENTITY) {
                                assertEquals(1.0, v, 0.0);
                            } else if (role == Role.ZERO) {
                                assertEquals(0.0, v, 0.0);
                            } else if (role == Role.SCALE) {
                                int k = java.util.Arrays.binarySearch(ti, a);
                                assertEquals(Math.exp(walk.head().logDetTerms()[k]), v, 1e-12, "exp(s)");
                            }
                        }
                    }
                    assertEquals(walk.logDet(), j.logDets()[r], 1e-12);
                    assertEquals(walk.logDet(), Math.log(Math.abs(det(j.matrix(r), dim))), 1e-9, "log|det| of the matrix");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void theComposedJacobianIsTheProductAndTheFiniteDifferenceOfTheWholeMap(CouplingType type) {
        RealNVP flow = CouplingInspectionTest.trainedIsh(FlowSpec.alternating(2, 6, new int[] {16, 16}, type), 5);
        double[] params = flow.parameterValues();
        for (int k = 0; k <= 6; k++) {
            JacobianChain chain = JacobianChain.of(flow, params, POINTS, k);
            assertEquals(k, chain.layers());
            for (int r = 0; r < 4; r++) {
                double[] p = {POINTS[2 * r], POINTS[2 * r + 1]};
                double[] fd = JacobianChain.centralDifferences(flow, params, p, k, STEP);
                double[] c = chain.composedAt(r);
                double[] product = k == 0 ? new double[] {1, 0, 0, 1} : chain.layerAt(0, r);
                for (int l = 1; l < k; l++) {
                    product = mul(chain.layerAt(l, r), product);
                }
                double sum = 0;
                for (int l = 0; l < k; l++) {
                    sum += chain.logDets()[l][r];
                }
                for (int i = 0; i < 4; i++) {
                    relativelyClose(fd[i], c[i], type + " k=" + k + " composed[" + i + "]");
                    assertEquals(product[i], c[i], 1e-9 * Math.max(1, Math.abs(c[i])));
                }
                assertEquals(sum, Math.log(Math.abs(det(c, 2))), 1e-8, "log|det| of the composed map = Σ log|det J_l|");
                double[] h = JacobianChain.push(flow, params, p, k);
                assertEquals(h[0], chain.positions()[k][2 * r], 1e-12);
                assertEquals(h[1], chain.positions()[k][2 * r + 1], 1e-12);
            }
        }
    }

    @Test
    void aLayerAloneGivesTheModelsPerLayerLogDetAtThatLayersInput() {
        RealNVP flow = CouplingInspectionTest.trainedIsh(FlowSpec.alternating(2, 5, new int[] {16, 16}, CouplingType.AFFINE), 3);
        float[] x = new float[POINTS.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) POINTS[i];
        }
        FlowTrace whole = flow.traceForward(x);
        for (int l = 0; l < 5; l++) {
            FlowTrace alone = flow.layers().get(l).traceForward(whole.positions()[l]);
            assertEquals(1, alone.layers());
            for (int r = 0; r < 4; r++) {
                assertEquals(whole.logDets()[l][r], alone.logDets()[0][r], 0f);
                assertEquals(whole.positions()[l + 1][2 * r], alone.positions()[1][2 * r], 0f);
            }
        }
    }

    private static double[] mul(double[] a, double[] b) {
        return new double[] {a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3]};
    }

    private static double det(double[] m, int d) {
        if (d == 2) {
            return m[0] * m[3] - m[1] * m[2];
        }
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }
}
