package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.junit.jupiter.api.Test;

/** The mixture base's log p and gradients against finite differences, and K = 1 against N(0, I). */
class MixtureBaseTest {
    @SuppressWarnings("unchecked")
    private static final Numerics<double[]> NM = (Numerics<double[]>) Numerics.of(Precision.FLOAT64);

    private static double[] randomParams(MixtureBase base, int total, long seed) {
        Random rng = new Random(seed);
        double[] p = new double[total];
        for (int i = base.offset(); i < total; i++) {
            p[i] = 0.6 * rng.nextGaussian();
        }
        return p;
    }

    @Test
    void gradientsWithRespectToZAndTheMixtureParametersMatchFiniteDifferences() {
        int k = 3, dim = 2, off = 5;
        MixtureBase base = new MixtureBase(k, dim, off);
        int total = off + base.parameterCount();
        double[] p = randomParams(base, total, 1);
        double[] z = {0.4, -0.9};
        double[] dz = new double[dim], grads = new double[total];
        double lp = base.logProbAndGradient(NM, p, z, 0, dz, 0, grads, 1.0);
        assertEquals(lp, base.logProb(NM, p, z, 0), 1e-12);
        double h = 1e-6;
        for (int d = 0; d < dim; d++) {
            double[] zp = z.clone(), zm = z.clone();
            zp[d] += h;
            zm[d] -= h;
            double fd = (base.logProb(NM, p, zp, 0) - base.logProb(NM, p, zm, 0)) / (2 * h);
            assertEquals(fd, dz[d], 1e-7, "d log p / dz_" + d);
        }
        for (int i = off; i < total; i++) {
            double[] pp = p.clone(), pm = p.clone();
            pp[i] += h;
            pm[i] -= h;
            double fd = (base.logProb(NM, pp, z, 0) - base.logProb(NM, pm, z, 0)) / (2 * h);
            assertEquals(fd, grads[i], 1e-7, "d log p / dθ_" + (i - off));
        }
        for (int i = 0; i < off; i++) {
            assertEquals(0, grads[i], "the parameters before the base are not touched");
        }
    }

    @Test
    void oneComponentAtTheOriginWithUnitScaleIsTheStandardNormal() {
        MixtureBase base = new MixtureBase(1, 3, 0);
        double[] p = new double[base.parameterCount()];
        base.initialise(NM, p);
        assertArrayEquals(new double[p.length], p, "K = 1 starts at μ = 0, log σ = 0");
        for (double[] z : new double[][] {{0, 0, 0}, {1.5, -0.3, 2}, {-4, 3, 0.25}}) {
            assertEquals(MixtureBase.logStandardNormal(NM, z, 0, 3), base.logProb(NM, p, z, 0), 1e-12);
        }
    }

    @Test
    void aFlowTrainsTheBaseAndItsLossGradientMatchesFiniteDifferences() {
        FlowSpec spec = FlowSpec.alternating(2, 2, new int[] {5}, CouplingType.AFFINE).withBase(BaseDistribution.mixture(4));
        RealNVP flow = RealNVP.create(spec, Precision.FLOAT64, 3);
        assertEquals(Architecture.parameterCount(spec), flow.parameterCount());
        MixtureBase base = flow.mixtureBase().orElseThrow();
        double[] params = flow.parameterValues();
        Random rng = new Random(2);
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.2 * rng.nextGaussian(); // away from the zero-initialised last layers
        }
        flow.setParameters(params);
        float[] x = new float[2 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextGaussian());
        }
        double loss = flow.nllAndGradient(x, null, 0, 16);
        assertEquals(flow.meanNll(x), loss, 1e-10);
        double[] grad = gradients(flow.parameterStore());
        double h = 1e-6;
        // every base parameter, and the couplings' (through dL/dz = −∇log p(z)/B)
        for (int i = 0; i < params.length; i++) {
            double[] pp = params.clone(), pm = params.clone();
            pp[i] += h;
            pm[i] -= h;
            double fd = (RealNVP.withParameters(spec, Precision.FLOAT64, pp).meanNll(x)
                    - RealNVP.withParameters(spec, Precision.FLOAT64, pm).meanNll(x)) / (2 * h);
            assertEquals(fd, grad[i], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + i + (i >= base.offset() ? " (base)" : ""));
        }
    }

    private static <A> double[] gradients(org.flowexplorer.model.nn.ParameterStore<A> s) {
        return s.numerics().toDoubles(s.gradients(), 0, s.size());
    }

    @Test
    void samplesFollowTheWeightsAndLogProbOfNdArraysUsesTheMixture() {
        FlowSpec spec = FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withBase(BaseDistribution.mixture(8));
        RealNVP flow = RealNVP.create(spec, Precision.FLOAT64, 1);
        MixtureBase.Components c = flow.mixtureComponents().orElseThrow();
        assertEquals(1.0 / 8, c.weights()[3], 1e-12);
        assertEquals(MixtureBase.INIT_RADIUS, Math.hypot(c.means()[3][0], c.means()[3][1]), 1e-12);
        float[] z = flow.baseSample(4000, 9);
        assertArrayEquals(z, flow.baseSample(4000, 9), "seeded");
        double meanRadius = 0;
        for (int i = 0; i < 4000; i++) {
            meanRadius += Math.hypot(z[2 * i], z[2 * i + 1]) / 4000;
        }
        assertEquals(2.2, meanRadius, 0.25, "draws sit around the circle of means, not at the origin");
        float[] x = flow.samplePoints(5, 3);
        double[] viaFloats = flow.logProbValues(x);
        double[] viaNd = flow.logProb(org.nd4j.linalg.factory.Nd4j.createFromArray(x).reshape(5, 2).castTo(
                org.nd4j.linalg.api.buffer.DataType.DOUBLE)).toDoubleVector();
        assertArrayEquals(viaFloats, viaNd, 1e-9);
    }

    @Test
    void theBaseIsParsedAndRefusesBadCounts() {
        assertEquals(BaseDistribution.mixture(8), BaseDistribution.parse("mixture:8"));
        assertEquals(BaseDistribution.GAUSSIAN, BaseDistribution.parse("gaussian"));
        assertEquals("mixture:8", BaseDistribution.mixture(8).id());
        assertThrows(IllegalArgumentException.class, () -> BaseDistribution.parse("mixture:0"));
        assertThrows(IllegalArgumentException.class, () -> BaseDistribution.parse("laplace"));
    }

    @Test
    void reverseKlFittingRefusesAMixtureBaseBeforeAnyStep() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withBase(BaseDistribution.mixture(2)), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> org.flowexplorer.model.train.Trainer.reverseKl(
                flow, org.flowexplorer.model.energy.Potential.of("U1"), org.flowexplorer.model.train.TrainingConfig.DEFAULT));
        assertEquals("reverse-KL fitting does not support a mixture base (it samples the standard normal)", e.getMessage());
    }
}
