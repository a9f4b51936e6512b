package org.flowexplorer.model.data;

/**
 * A density tabulated at the midpoints of a square grid: its total mass (midpoint rule, spectrally
 * accurate for a smooth density that vanishes at the border) and its probabilities on coarser
 * histogram cells, for comparing a sampler's histogram with it.
 */
final class GridDensity {
    /** Cells expected to hold fewer points than this are pooled into one bin for the chi-square. */
    private static final double MIN_EXPECTED = 20.0;

    private final double halfWidth;
    private final int cellsPerSide;
    private final double cellSize;
    private final double[] cellMass;
    private final double totalMass;

    /**
     * @param halfWidth the grid covers [−halfWidth, halfWidth]²
     * @param step      grid spacing
     * @param sub       grid points per histogram cell side
     */
    GridDensity(ToyDensity density, double halfWidth, double step, int sub) {
        int n = (int) Math.round(2.0 * halfWidth / step);
        if (n % sub != 0) {
            throw new IllegalArgumentException("grid points per side must be a multiple of sub");
        }
        this.halfWidth = halfWidth;
        this.cellsPerSide = n / sub;
        this.cellSize = step * sub;
        this.cellMass = new double[cellsPerSide * cellsPerSide];
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            double x = -halfWidth + (i + 0.5) * step;
            for (int j = 0; j < n; j++) {
                double y = -halfWidth + (j + 0.5) * step;
                double m = Math.exp(density.logDensity(x, y)) * step * step;
                cellMass[(i / sub) * cellsPerSide + j / sub] += m;
                total += m;
            }
        }
        this.totalMass = total;
    }

    double totalMass() {
        return totalMass;
    }

    /**
     * Pearson's chi-square of the points' histogram (each point moved by {@code shiftX} first)
     * against the tabulated cell masses, divided by its degrees of freedom: about 1 for a sample of
     * the density (less for a stratified one), much more for a mismatch.
     */
    double chiSquarePerDegree(float[] xy, double shiftX) {
        int n = xy.length / 2;
        long[] counts = new long[cellMass.length];
        long outside = 0;
        for (int p = 0; p < n; p++) {
            int i = (int) Math.floor((xy[2 * p] + shiftX + halfWidth) / cellSize);
            int j = (int) Math.floor((xy[2 * p + 1] + halfWidth) / cellSize);
            if (i < 0 || j < 0 || i >= cellsPerSide || j >= cellsPerSide) {
                outside++;
            } else {
                counts[i * cellsPerSide + j]++;
            }
        }
        double chi2 = 0.0;
        int bins = 0;
        double pooledExpected = n * Math.max(0.0, 1.0 - totalMass);
        long pooledObserved = outside;
        for (int c = 0; c < cellMass.length; c++) {
            double expected = n * cellMass[c];
            if (expected < MIN_EXPECTED) {
                pooledExpected += expected;
                pooledObserved += counts[c];
            } else {
                chi2 += (counts[c] - expected) * (counts[c] - expected) / expected;
                bins++;
            }
        }
        if (pooledExpected > 0 || pooledObserved > 0) {
            chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / Math.max(pooledExpected, 1.0);
            bins++;
        }
        return chi2 / (bins - 1);
    }
}
