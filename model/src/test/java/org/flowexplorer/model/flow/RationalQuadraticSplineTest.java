package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The spline's tails, bounds, knots and bins (the contract test covers the coupling as a whole). */
class RationalQuadraticSplineTest {
    private static final SplineShape SHAPE = new SplineShape(6, 3);

    private static RationalQuadraticSpline random(long seed) {
        Random rng = new Random(seed);
        double[] p = new double[SHAPE.outputsPerTransformed()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian() * 1.5;
        }
        return RationalQuadraticSpline.of(SHAPE, p);
    }

    @Test
    void tailsAreTheIdentityWithZeroLogDetAndOnlyTheInputGradient() {
        RationalQuadraticSpline g = random(1);
        double[] grad = new double[SHAPE.outputsPerTransformed()];
        for (double x : new double[] {-3.0001, 3.0001, -50, 7.5}) {
            assertEquals(x, g.forward(x), 0.0);
            assertEquals(0.0, g.logDerivative(x), 0.0);
            assertEquals(x, g.inverse(x), 0.0);
            assertEquals(-1, g.binOf(x));
            assertEquals(0.7, g.backward(x, 0.7, 0.3, grad, 0), 0.0, "∂L/∂x = ∂L/∂y in a tail");
            assertArrayEquals(new double[grad.length], grad, 0.0, "no parameter gradient in a tail");
        }
    }

    @Test
    void theBoundsAreFixedPointsWithSlopeOneSoTheTailsJoinSmoothly() {
        RationalQuadraticSpline g = random(2);
        assertEquals(-3, g.forward(-3), 1e-12);
        assertEquals(3, g.forward(3), 1e-12);
        assertEquals(0, g.logDerivative(-3), 1e-12);
        assertEquals(0, g.logDerivative(3), 1e-12);
        assertEquals(0, g.binOf(-3));
        assertEquals(5, g.binOf(3), "x = B is in the last bin (nflows' searchsorted)");
        assertEquals(0, g.logDerivative(Math.nextDown(3.0)), 1e-9, "slope 1 just inside B");
        assertEquals(0, g.logDerivative(Math.nextUp(-3.0)), 1e-9, "slope 1 just inside −B");
    }

    @Test
    void valuesAndSlopesAreContinuousAcrossEveryKnot() {
        RationalQuadraticSpline g = random(3);
        RationalQuadraticSpline.Knots knots = g.knots();
        double[] xs = knots.xs(), ys = knots.ys(), ds = knots.slopes();
        assertEquals(7, xs.length);
        assertEquals(1.0, ds[0], 0.0);
        assertEquals(1.0, ds[6], 0.0);
        for (int i = 1; i < 6; i++) {
            assertEquals(i, g.binOf(xs[i]), "a knot starts its bin");
            assertEquals(i - 1, g.binOf(Math.nextDown(xs[i])));
            assertEquals(ys[i], g.forward(xs[i]), 1e-12, "g(x_i) = y_i");
            assertEquals(ys[i], g.forward(Math.nextDown(xs[i])), 1e-9, "from the left");
            assertEquals(Math.log(ds[i]), g.logDerivative(xs[i]), 1e-9, "g'(x_i) = d_i");
            assertEquals(Math.log(ds[i]), g.logDerivative(Math.nextDown(xs[i])), 1e-6, "g'(x_i) from the left");
            assertEquals(xs[i], g.inverse(ys[i]), 1e-12, "g⁻¹(y_i) = x_i");
            assertTrue(xs[i] - xs[i - 1] >= 6 * RationalQuadraticSpline.MIN_BIN_WIDTH - 1e-12, "minimum bin width 1e-3·2B");
            assertTrue(ds[i] > RationalQuadraticSpline.MIN_DERIVATIVE);
        }
    }

    @Test
    void isStrictlyIncreasingAndItsInverseUndoesIt() {
        RationalQuadraticSpline g = random(4);
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 6000; i++) {
            double x = -3.5 + 7.0 * i / 6000, y = g.forward(x);
            assertTrue(y > last, "increasing at " + x);
            assertEquals(x, g.inverse(y), 1e-11, "g⁻¹(g(x)) at " + x);
            last = y;
        }
    }

    @Test
    void zeroParametersGiveEqualBinsAndTheNflowsStartingSlope() {
        RationalQuadraticSpline g = RationalQuadraticSpline.of(SplineShape.DEFAULT, new double[23]);
        RationalQuadraticSpline.Knots knots = g.knots();
        assertArrayEquals(new double[] {-4, -3, -2, -1, 0, 1, 2, 3, 4}, knots.xs(), 1e-12);
        assertArrayEquals(knots.xs(), knots.ys(), 1e-12);
        assertEquals(1e-3 + Math.log(2), knots.slopes()[4], 1e-15);
        assertEquals(0.0, g.forward(0), 1e-15, "knots on the diagonal");
    }

    @Test
    void refusesAShapeItCannotHaveAndTheWrongNumberOfParameters() {
        assertThrows(IllegalArgumentException.class, () -> new SplineShape(1, 4));
        assertThrows(IllegalArgumentException.class, () -> new SplineShape(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SplineShape(8, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RationalQuadraticSpline.of(SplineShape.DEFAULT, new double[22]));
        assertEquals(23, SplineShape.DEFAULT.outputsPerTransformed());
        assertEquals(23, CouplingType.SPLINE.outputsPerTransformed(SplineShape.DEFAULT));
        assertEquals(14, CouplingType.SPLINE.outputsPerTransformed(new SplineShape(5, 2)));
        assertEquals(2, CouplingType.AFFINE.outputsPerTransformed(new SplineShape(5, 2)));
    }
}
