package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.flowexplorer.model.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one contract every transform must satisfy (as zuko's test table): a new transform gets
 * all checks by adding one row to {@link #transforms()}.
 * <ul>
 *   <li>inverse(forward(x)) = x, in float32 and float64;</li>
 *   <li>log|det J| equals the log-abs-determinant of a finite-difference Jacobian, and the inverse's is its negative;</li>
 *   <li>batch independence: a row's outputs do not depend on the other rows;</li>
 *   <li>analytic gradients (inputs and parameters) equal central finite differences (float64);</li>
 *   <li>float32 forward, log-det and VJP agree with float64 at 256 rows, so the float32 kernels
 *       that train (the SIMD row kernel from 64 rows on, BLAS, the Java loops) are checked against
 *       the gradient-checked float64 path for every row of the table.</li>
 * </ul>
 * Parameters are randomised (the default initialisation makes every coupling the identity). A row
 * may be any {@link DifferentiableTransform}; couplings and flows get conditioner-aware random
 * parameters, anything else N(0, scale²) for every parameter.
 */
class TransformContractTest {

    record Case(String name, Function<Precision, DifferentiableTransform> factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> transforms() {
        List<Case> cases = List.of(
                new Case("affine coupling, D=2, mask [1,0]",
                        p -> AffineCoupling.create(Mask.of(true, false), new int[]{8, 8}, p, 1)),
                new Case("affine coupling, D=2, mask [0,1], 3 hidden layers",
                        p -> AffineCoupling.create(Mask.of(false, true), new int[]{8, 7, 9}, p, 2)),
                new Case("affine coupling, D=2, mask [0,1], hidden 32×16 (SIMD row kernel)",
                        p -> AffineCoupling.create(Mask.of(false, true), new int[]{32, 16}, p, 10)),
                new Case("affine coupling, D=4, mask [1,0,0,1]",
                        p -> AffineCoupling.create(Mask.of(true, false, false, true), new int[]{10}, p, 3)),
                new Case("additive coupling, D=2, mask [1,0]",
                        p -> AdditiveCoupling.create(Mask.of(true, false), new int[]{8, 8}, p, 4)),
                new Case("additive coupling, D=4, mask [0,1,1,1]",
                        p -> AdditiveCoupling.create(Mask.of(false, true, true, true), new int[]{9, 4}, p, 5)),
                new Case("RealNVP, D=2, 4 alternating affine layers",
                        p -> RealNVP.create(FlowSpec.alternating(2, 4, new int[]{12, 12}, CouplingType.AFFINE), p, 6)),
                new Case("RealNVP, D=4, 3 alternating affine layers (seed masks)",
                        p -> RealNVP.create(FlowSpec.alternating(4, 3, new int[]{10, 10}, CouplingType.AFFINE), p, 7)),
                new Case("RealNVP, D=4, explicit masks",
                        p -> RealNVP.create(new FlowSpec(4, List.of(Mask.of(true, false, true, false),
                                Mask.of(false, true, false, true), Mask.of(true, true, true, false)),
                                new int[]{8}, CouplingType.AFFINE), p, 8)),
                new Case("NICE flow, D=2, 3 additive layers",
                        p -> RealNVP.create(FlowSpec.alternating(2, 3, new int[]{8, 8}, CouplingType.ADDITIVE), p, 9)),
                new Case("NICE flow, D=4, 2 additive layers, hidden 16×16 (SIMD row kernel)",
                        p -> RealNVP.create(FlowSpec.alternating(4, 2, new int[]{16, 16}, CouplingType.ADDITIVE), p, 12)),
                new Case("affine coupling, scale tanh:3, D=2, mask [1,0]",
                        p -> AffineCoupling.create(Mask.of(true, false), new int[]{8, 8}, ScaleFunction.tanh(3), p, 13)),
                new Case("affine coupling, scale softplus, D=2, mask [0,1]",
                        p -> AffineCoupling.create(Mask.of(false, true), new int[]{8, 8}, ScaleFunction.SOFTPLUS, p, 14)),
                new Case("affine coupling, scale softplus, D=4, hidden 32×16 (SIMD row kernel)",
                        p -> AffineCoupling.create(Mask.of(true, false, false, true), new int[]{32, 16}, ScaleFunction.SOFTPLUS, p, 15)),
                new Case("affine coupling, scale exp, D=2, mask [1,0]",
                        p -> AffineCoupling.create(Mask.of(true, false), new int[]{8, 8}, ScaleFunction.EXP, p, 16)),
                new Case("RealNVP, D=2, 3 alternating softplus-scale layers",
                        p -> RealNVP.create(FlowSpec.alternating(2, 3, new int[]{12, 12}, CouplingType.AFFINE)
                                .withScale(ScaleFunction.SOFTPLUS), p, 17)),
                new Case("batch norm (evaluation mode), D=3",
                        p -> withRunningStatistics(BatchNorm.create(3, p), 18)),
                new Case("RealNVP with batch norm (evaluation mode), D=2, 3 affine layers",
                        p -> withRunningStatistics(RealNVP.create(FlowSpec.alternating(2, 3, new int[]{12, 12}, CouplingType.AFFINE)
                                .withBatchNorm(true), p, 19), 20)),
                new Case("RealNVP with batch norm (evaluation mode), D=4, 2 additive layers, hidden 16×16",
                        p -> withRunningStatistics(RealNVP.create(FlowSpec.alternating(4, 2, new int[]{16, 16}, CouplingType.ADDITIVE)
                                .withBatchNorm(true), p, 21), 22)),
                new Case("RealNVP with batch norm, D=2, 2 exp-scale layers",
                        p -> withRunningStatistics(RealNVP.create(FlowSpec.alternating(2, 2, new int[]{8, 8}, CouplingType.AFFINE)
                                .withScale(ScaleFunction.EXP).withBatchNorm(true), p, 23), 24)),
                new Case("ActNorm, D=3", p -> ActNorm.create(3, p)),
                new Case("LU linear, D=2", p -> LuLinear.create(2, p)),
                new Case("LU linear, D=4", p -> LuLinear.create(4, p)),
                new Case("fixed rotation, D=3", p -> FixedRotation.create(3, p, 25)),
                new Case("RealNVP, D=2, 3 affine layers + ActNorm + LU linear",
                        p -> RealNVP.create(FlowSpec.alternating(2, 3, new int[]{10, 10}, CouplingType.AFFINE)
                                .withNorm(Norm.ACT).withMixer(Mixer.LU), p, 26)),
                new Case("RealNVP, D=2, 3 additive layers + fixed rotations",
                        p -> RealNVP.create(FlowSpec.alternating(2, 3, new int[]{10}, CouplingType.ADDITIVE)
                                .withMixer(Mixer.ROTATION), p, 27)),
                new Case("RealNVP, D=4, 2 affine layers + batch norm + LU linear",
                        p -> RealNVP.create(FlowSpec.alternating(4, 2, new int[]{10}, CouplingType.AFFINE)
                                .withBatchNorm(true).withMixer(Mixer.LU), p, 28)),

                new Case("spline coupling (K=8, B=4), D=2, mask [1,0]",
                        p -> SplineCoupling.create(Mask.of(true, false), new int[]{8, 8}, SplineShape.DEFAULT, p, 29)),
                new Case("spline coupling (K=5, B=1.5: many points in the tails), D=4, mask [1,0,0,1]",
                        p -> SplineCoupling.create(Mask.of(true, false, false, true), new int[]{10}, new SplineShape(5, 1.5), p, 30)),
                new Case("spline coupling (K=8, B=4), D=2, hidden 32×16 (SIMD row kernel)",
                        p -> SplineCoupling.create(Mask.of(false, true), new int[]{32, 16}, SplineShape.DEFAULT, p, 31)),
                new Case("RealNVP, D=2, 2 alternating spline layers (K=8, B=4)",
                        p -> RealNVP.create(FlowSpec.alternating(2, 2, new int[]{4}, CouplingType.SPLINE), p, 32)));
        return cases.stream().map(Arguments::of);
    }

    /** Running means ~ N(0, 0.5²) and variances ~ U(0.3, 3) (seeded), so the norms are not the identity. */
    static BatchNorm withRunningStatistics(BatchNorm norm, long seed) {
        Random rng = new Random(seed);
        double[] mean = new double[norm.dim()], var = new double[norm.dim()];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = rng.nextGaussian() * 0.5;
            var[j] = 0.3 + 2.7 * rng.nextDouble();
        }
        norm.setRunningStatistics(mean, var);
        return norm;
    }

    /** The same for every norm of a flow. */
    static RealNVP withRunningStatistics(RealNVP flow, long seed) {
        Random rng = new Random(seed);
        double[] b = flow.bufferValues();
        int d = flow.dim();
        for (int i = 0; i < b.length; i++) {
            b[i] = i % (2 * d) < d ? rng.nextGaussian() * 0.5 : 0.3 + 2.7 * rng.nextDouble();
        }
        flow.setBufferValues(b);
        return flow;
    }

    /** Random parameters of a moderate scale, so s stays away from tanh saturation but is clearly non-zero. */
    static DifferentiableTransform randomised(Case c, Precision precision, long seed) {
        return randomised(c, precision, seed, 0.4);
    }

    /**
     * Weights ~ N(0, scale²); hidden biases ~ U(0, 0.5) so that most ReLUs are alive for some
     * inputs (otherwise small deep conditioners have many exactly-zero gradients and the gradient
     * check would say little); output biases ~ N(0, scale²).
     */
    static DifferentiableTransform randomised(Case c, Precision precision, long seed, double scale) {
        DifferentiableTransform t = c.factory().apply(precision);
        Random rng = new Random(seed);
        double[] p = new double[t.parameterCount()];
        List<CouplingLayer> couplings = t instanceof RealNVP flow ? flow.layers()
                : t instanceof CouplingLayer layer ? List.of(layer) : List.of();
        if (couplings.isEmpty()) {
            for (int k = 0; k < p.length; k++) {
                p[k] = rng.nextGaussian() * scale;
            }
        }
        for (CouplingLayer layer : couplings) {
            var net = layer.conditioner();
            for (int i = 0; i < net.linearCount(); i++) {
                int w = layer.parameterOffset() + net.weightOffset(i);
                for (int k = 0; k < net.in(i) * net.out(i); k++) {
                    p[w + k] = rng.nextGaussian() * scale;
                }
                int b = layer.parameterOffset() + net.biasOffset(i);
                boolean last = i == net.linearCount() - 1;
                for (int k = 0; k < net.out(i); k++) {
                    p[b + k] = last ? rng.nextGaussian() * scale : rng.nextDouble() * 0.5;
                }
            }
        }
        for (List<FlowBlock> after : t instanceof RealNVP flow ? flow.blocks() : List.<List<FlowBlock>>of()) {
            for (FlowBlock block : after) {
                for (int k = 0; k < block.parameterCount(); k++) {
                    p[block.parameterOffset() + k] = rng.nextGaussian() * scale;
                }
            }
        }
        if (p.length > 0) { // a fixed rotation has no parameters (ND4J has no empty array data)
            t.setParameters(Nd4j.createFromArray(p));
        }
        return t;
    }

    /** The row's transform in float64 with random parameters, and points for it. */
    private record Setup(DifferentiableTransform t, INDArray x) {
        static Setup of(Case c, long seed, int rows) {
            DifferentiableTransform t = randomised(c, Precision.FLOAT64, seed);
            return new Setup(t, points(rows, t.dim(), seed + 1, DataType.DOUBLE));
        }
    }

    static INDArray points(int n, int d, long seed, DataType type) {
        Random rng = new Random(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * 1.5;
        }
        return Nd4j.createFromArray(x).reshape('c', n, d).castTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void inverseUndoesForwardInFloat32(Case c) {
        // Scale 0.25 gives |s| and |t| of the size trained 2-D flows reach; float32 round-off grows with them.
        DifferentiableTransform t = randomised(c, Precision.FLOAT32, 11, 0.25);
        INDArray x = points(200, t.dim(), 12, DataType.FLOAT);
        TransformResult fwd = t.forward(x);
        TransformResult inv = t.inverse(fwd.outputs());
        assertEquals(DataType.FLOAT, fwd.outputs().dataType());
        double err = inv.outputs().sub(x).amaxNumber().doubleValue();
        assertTrue(err < 1e-5, "max |x - f^-1(f(x))| = " + err);
        double ldErr = inv.logAbsDet().add(fwd.logAbsDet()).amaxNumber().doubleValue();
        assertTrue(ldErr < 1e-5, "inverse log-det must be minus the forward one, off by " + ldErr);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void inverseUndoesForwardInFloat64(Case c) {
        DifferentiableTransform t = randomised(c, Precision.FLOAT64, 11);
        INDArray x = points(200, t.dim(), 12, DataType.DOUBLE);
        TransformResult fwd = t.forward(x);
        assertEquals(DataType.DOUBLE, fwd.outputs().dataType());
        double err = t.inverse(fwd.outputs()).outputs().sub(x).amaxNumber().doubleValue();
        assertTrue(err < 1e-12, "max |x - f^-1(f(x))| = " + err);
        assertTrue(fwd.outputs().sub(x).amaxNumber().doubleValue() > 1e-3, "randomised transform should not be the identity");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void logDetMatchesFiniteDifferenceJacobian(Case c) {
        Setup setup = Setup.of(c, 21, 6);
        INDArray ld = setup.t().forward(setup.x()).logAbsDet();
        for (int r = 0; r < setup.x().rows(); r++) {
            double numeric = Math.log(Math.abs(determinant(jacobian(setup.t(), setup.x().getRow(r)))));
            assertEquals(numeric, ld.getDouble(r), 1e-6, "row " + r);
        }
    }

    /** ∂f(x)/∂x of one point by central differences (h = 1e-6). */
    private static double[][] jacobian(DifferentiableTransform t, INDArray point) {
        int d = t.dim();
        double h = 1e-6;
        double[][] jac = new double[d][d];
        for (int j = 0; j < d; j++) {
            INDArray plus = point.dup().reshape(1, d), minus = plus.dup();
            plus.putScalar(0, j, plus.getDouble(0, j) + h);
            minus.putScalar(0, j, minus.getDouble(0, j) - h);
            INDArray yp = t.forward(plus).outputs(), ym = t.forward(minus).outputs();
            for (int i = 0; i < d; i++) {
                jac[i][j] = (yp.getDouble(0, i) - ym.getDouble(0, i)) / (2 * h);
            }
        }
        return jac;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void rowsAreIndependent(Case c) {
        Setup setup = Setup.of(c, 31, 9);
        DifferentiableTransform t = setup.t();
        int d = t.dim();
        INDArray x = setup.x();
        TransformResult all = t.forward(x);
        for (int r = 0; r < x.rows(); r++) {
            TransformResult one = t.forward(x.getRow(r).dup().reshape(1, d));
            assertEquals(0.0, one.outputs().sub(all.outputs().getRow(r).reshape(1, d)).amaxNumber().doubleValue(), 1e-13);
            assertEquals(all.logAbsDet().getDouble(r), one.logAbsDet().getDouble(0), 1e-13);
        }
        // Changing one row changes nothing in the others.
        INDArray changed = x.dup();
        changed.getRow(4).addi(3.0);
        TransformResult moved = t.forward(changed);
        for (int r = 0; r < x.rows(); r++) {
            double diff = moved.outputs().getRow(r).sub(all.outputs().getRow(r)).amaxNumber().doubleValue();
            if (r == 4) {
                assertTrue(diff > 0, "the changed row must move");
            } else {
                assertEquals(0.0, diff, 0.0, "row " + r);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void gradientsMatchFiniteDifferences(Case c) {
        DifferentiableTransform t = randomised(c, Precision.FLOAT64, 41);
        int d = t.dim(), n = 12;
        INDArray x = points(n, d, 42, DataType.DOUBLE);
        // L = Σ a ⊙ y + Σ b ⊙ logdet with random weights a, b.
        INDArray a = points(n, d, 43, DataType.DOUBLE);
        INDArray b = points(n, 1, 44, DataType.DOUBLE).reshape(n);
        VectorJacobianProduct vjp = t.vjp(x, a, b);
        double h = 1e-6;

        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                INDArray xp = x.dup(), xm = x.dup();
                xp.putScalar(r, j, x.getDouble(r, j) + h);
                xm.putScalar(r, j, x.getDouble(r, j) - h);
                double numeric = (objective(t, xp, a, b) - objective(t, xm, a, b)) / (2 * h);
                assertEquals(numeric, vjp.inputGradient().getDouble(r, j), 1e-6 * (1 + Math.abs(numeric)),
                        "dL/dx[" + r + "," + j + "]");
            }
        }

        if (t.parameterCount() == 0) {
            return; // a fixed rotation: nothing learned, its input gradient is checked above
        }
        INDArray theta = t.parameters();
        double[] base = theta.toDoubleVector();
        Random pick = new Random(45);
        int checks = Math.min(base.length, 60);
        int zeroGradients = 0;
        for (int k = 0; k < checks; k++) {
            int i = checks == base.length ? k : pick.nextInt(base.length);
            double[] plus = base.clone(), minus = base.clone();
            plus[i] += h;
            minus[i] -= h;
            t.setParameters(Nd4j.createFromArray(plus));
            double lp = objective(t, x, a, b);
            t.setParameters(Nd4j.createFromArray(minus));
            double lm = objective(t, x, a, b);
            double numeric = (lp - lm) / (2 * h);
            double analytic = vjp.parameterGradient().getDouble(i);
            assertEquals(numeric, analytic, 1e-6 * (1 + Math.abs(numeric)), "dL/dθ[" + i + "]");
            zeroGradients += analytic == 0 ? 1 : 0;
        }
        t.setParameters(Nd4j.createFromArray(base));
        // Some ReLU units are dead for every row (their gradients are exactly zero, which the
        // finite differences confirm); the check is only meaningful if most are alive.
        assertTrue(zeroGradients < checks / 2, zeroGradients + " of " + checks + " checked parameter gradients are zero");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void float32AgreesWithFloat64At256Rows(Case c) {
        // The same float32-representable parameters and inputs in both precisions.
        DifferentiableTransform t32 = c.factory().apply(Precision.FLOAT32);
        t32.setParameters(randomised(c, Precision.FLOAT64, 51).parameters().castTo(DataType.FLOAT));
        DifferentiableTransform t64 = c.factory().apply(Precision.FLOAT64);
        t64.setParameters(t32.parameters().castTo(DataType.DOUBLE));
        int d = t32.dim(), n = 256;
        INDArray x = points(n, d, 52, DataType.FLOAT), a = points(n, d, 53, DataType.FLOAT);
        INDArray b = points(n, 1, 54, DataType.FLOAT).reshape(n);
        TransformResult r32 = t32.forward(x), r64 = t64.forward(x.castTo(DataType.DOUBLE));
        assertClose(r64.outputs(), r32.outputs(), 1e-5, "outputs");
        assertClose(r64.logAbsDet(), r32.logAbsDet(), 1e-5, "log|det|");
        VectorJacobianProduct g32 = t32.vjp(x, a, b);
        VectorJacobianProduct g64 = t64.vjp(x.castTo(DataType.DOUBLE), a.castTo(DataType.DOUBLE), b.castTo(DataType.DOUBLE));
        assertClose(g64.inputGradient(), g32.inputGradient(), 1e-5, "dL/dx");
        if (t32.parameterCount() > 0) {
            assertClose(g64.parameterGradient(), g32.parameterGradient(), 1e-5, "dL/dθ");
        }
    }

    /** Every |actual − expected| ≤ tol · (1 + max |expected|): float32 round-off relative to the values' scale. */
    private static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
        double scale = 1 + expected.amaxNumber().doubleValue();
        double err = actual.castTo(DataType.DOUBLE).sub(expected).amaxNumber().doubleValue();
        assertTrue(err <= tol * scale, what + ": float32 off by " + err + " at scale " + scale);
    }

    private static double objective(DifferentiableTransform t, INDArray x, INDArray a, INDArray b) {
        TransformResult r = t.forward(x);
        return r.outputs().mul(a).sumNumber().doubleValue() + r.logAbsDet().mul(b).sumNumber().doubleValue();
    }

    /** Determinant by Gaussian elimination with partial pivoting (the rotation's own). */
    static double determinant(double[][] m) {
        return FixedRotation.determinant(m);
    }
}
