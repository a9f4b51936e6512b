package org.flowexplorer.app.worker;

import org.flowexplorer.model.data.PixelDensity;
import org.flowexplorer.model.energy.Potential;

/**
 * The picture of an energy's target exp(−U) for the worker: exp(−U) on a grid of
 * {@value #CELLS}² cells over [−{@value #HALF_WIDTH}, {@value #HALF_WIDTH}]² as a piecewise-constant
 * density, whose samples stand in for data — drawn as the data plot's points (a heat map of
 * exp(−U) by point density) and the held-out points of the test NLL, which then shows how much of
 * the target the reverse-KL model misses. Training never sees them: it evaluates U itself.
 */
final class EnergyTarget {
    static final int CELLS = 200;
    static final double HALF_WIDTH = 4.0;

    private EnergyTarget() {
    }

    /** exp(−(U − min U)) at the cell centres; −∞ or NaN values of −U count as 0. */
    static PixelDensity density(Potential u) {
        double cell = 2 * HALF_WIDTH / CELLS;
        double[] energy = new double[CELLS * CELLS];
        double min = Double.POSITIVE_INFINITY;
        for (int row = 0; row < CELLS; row++) {
            for (int column = 0; column < CELLS; column++) {
                double v = u.value(-HALF_WIDTH + (column + 0.5) * cell, HALF_WIDTH - (row + 0.5) * cell);
                energy[row * CELLS + column] = v;
                if (v < min) {
                    min = v;
                }
            }
        }
        if (!Double.isFinite(min)) {
            throw new IllegalArgumentException("U is not finite anywhere on [-4, 4]^2");
        }
        for (int i = 0; i < energy.length; i++) {
            double w = Math.exp(min - energy[i]);
            energy[i] = Double.isFinite(w) ? w : 0;
        }
        return PixelDensity.of(energy, CELLS, CELLS, HALF_WIDTH);
    }
}
