package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ToyDensity} against its sampler: the density integrates to 1 over a wide grid, and the
 * sampler's histogram matches the density's cell probabilities (a chi-square bound, with a shifted
 * copy of the same samples as a negative control that must fail it, so the bound has power).
 */
class ToyDensityTest {
    /** Histogram cells are CELL × CELL; the grid step divides CELL. */
    private static final double CELL = 0.25;
    private static final int SAMPLES = 200_000;

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void integratesToOneAndMatchesTheSamplerHistogram(ToyDataset dataset) {
        check(dataset, dataset.defaultNoise());
    }

    @ParameterizedTest
    @EnumSource(value = ToyDataset.class, names = {"SWISSROLL", "PINWHEEL", "TWO_SPIRALS", "CHECKERBOARD", "EIGHT_GAUSSIANS"})
    void alsoAtAnotherNoise(ToyDataset dataset) {
        check(dataset, dataset == ToyDataset.CHECKERBOARD ? 0.2 : 1.5 * dataset.defaultNoise());
    }

    private static void check(ToyDataset dataset, double noise) {
        // a step of at most a third of the narrowest feature: rings' std 0.08, 2spirals' 0.1
        boolean fine = dataset == ToyDataset.RINGS || dataset == ToyDataset.TWO_SPIRALS;
        int sub = dataset == ToyDataset.DIAMOND ? 40 : fine ? 10 : 5; // diamond's std 0.04
        GridDensity grid = new GridDensity(ToyDensity.of(dataset, noise), halfWidth(dataset), CELL / sub, sub);
        double mass = grid.totalMass();
        float[] xy = dataset.generate(SAMPLES, noise, 11L);
        double chi2 = grid.chiSquarePerDegree(xy, 0.0);
        double shifted = grid.chiSquarePerDegree(xy, 0.1);
        System.out.printf("%-12s noise %.3f  mass %.7f  chi2/dof %.3f  shifted %.1f%n", dataset, noise, mass, chi2, shifted);
        assertEquals(1.0, mass, 1e-4, dataset + " density integrates to");
        assertTrue(chi2 < 1.3, dataset + ": histogram vs density chi2/dof = " + chi2);
        assertTrue(shifted > 2.0, dataset + ": the check must reject samples shifted by 0.1, chi2/dof = " + shifted);
    }

    /**
     * A square [−h, h]² holding all but ~1e-6 of the mass at up to 1.5 × the default noise (more than
     * 5 noise std beyond the support); a multiple of CELL, so the grid lines include the checkerboard's edges.
     */
    private static double halfWidth(ToyDataset dataset) {
        return switch (dataset) {
            case RINGS, MOONS, SWISSROLL -> 4.5;
            case CIRCLES, TWO_SPIRALS, CHECKERBOARD -> 5.5;
            case EIGHT_GAUSSIANS, PINWHEEL -> 7.0;
            case DIAMOND, FOUR_CIRCLES -> 4.5;
            case SINE_WAVE -> 5.5;
            case CRESCENT -> 11.0; // t ~ N(0, 1) reaches 4.5 once in 1.5e5, and x = t²/2 − 1 then 9.1
        };
    }

    @Test
    void checkerboardWithoutNoiseIsUniformOnTheBlackSquares() {
        ToyDensity d = ToyDensity.of(ToyDataset.CHECKERBOARD, 0.0);
        assertEquals(-Math.log(32.0), d.logDensity(1.0, 1.0), 1e-12);    // square [0,2]x[0,2]
        assertEquals(-Math.log(32.0), d.logDensity(-3.0, 1.0), 1e-12);   // [-4,-2]x[0,2]
        assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(1.0, 3.0));  // white square [0,2]x[2,4]
        assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(4.5, 0.5));  // off the board
        for (double v : d.logDensity(ToyDataset.CHECKERBOARD.generate(10_000, 0.0, 3L))) {
            assertEquals(-Math.log(32.0), v, 1e-12);
        }
    }

    @Test
    void eightGaussiansIsTheGaussianMixtureAtItsCentres() {
        double std = 0.5 / 1.414;
        double expected = Math.log(1.0 / 8.0 / (2.0 * Math.PI * std * std));   // the other 7 are > 6 std away
        assertEquals(expected, ToyDensity.of(ToyDataset.EIGHT_GAUSSIANS).logDensity(4.0 / 1.414, 0.0), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.08, 0.3})
    void circlesMatchTheBesselClosedForm(double noise) {
        // uniform angle on radius R convolved with N(0, s^2 I): p = exp(-(r^2+R^2)/2s^2) I0(rR/s^2) / (2 pi s^2),
        // I0 from its power series (converges for any argument; here rR/s^2 <= 220).
        double s = 3.0 * noise;
        ToyDensity d = ToyDensity.of(ToyDataset.CIRCLES, noise);
        for (double r : new double[] {0.0, 0.7, 1.5, 2.2, 3.0, 3.3, 4.1}) {
            double p = 0.5 * ring(r, 3.0, s) + 0.5 * ring(r, 1.5, s);
            assertEquals(Math.log(p), d.logDensity(r * Math.cos(1.0), r * Math.sin(1.0)), 1e-9, "r = " + r);
        }
    }

    private static double ring(double r, double radius, double s) {
        double k = r * radius / (s * s);
        double term = 1.0;
        double i0 = 1.0;
        for (int m = 1; m < 1000; m++) {
            term *= (k / (2 * m)) * (k / (2 * m));
            i0 += term;
        }
        return Math.exp(-(r * r + radius * radius) / (2 * s * s)) * i0 / (2 * Math.PI * s * s);
    }

    @Test
    void refusesNoiseWhereThereIsNoDensity() {
        for (ToyDataset d : ToyDataset.values()) {
            if (d != ToyDataset.CHECKERBOARD) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToyDensity.of(d, 0.0));
                assertTrue(e.getMessage().contains("noise 0"), e.getMessage());
            }
            assertThrows(IllegalArgumentException.class, () -> ToyDensity.of(d, -0.1));
            assertThrows(IllegalArgumentException.class, () -> ToyDensity.of(d, Double.NaN));
        }
        assertThrows(IllegalArgumentException.class, () -> ToyDensity.of(ToyDataset.RINGS, 1e-7));
    }
}
