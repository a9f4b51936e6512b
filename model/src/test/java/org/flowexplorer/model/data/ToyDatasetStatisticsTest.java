package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks that each Java toy set has the distribution of the Python reference
 * (shared/bench/toy_data.py), using the statistics of a 20 000-point reference sample stored in
 * {@code data/toy_stats.json} by {@code data/make_toy_stats.py}.
 *
 * <p>Tolerances come from sampling error, not from taste: every statistic is compared with
 * tolerance {@value #Z} * sqrt(se_python^2 + se_java^2), where each se is that statistic's
 * standard error estimated from its own sample (std/sqrt(n) for means and covariance entries, an
 * order-statistic interval for quantiles). A correct generator fails a single comparison with
 * probability about 6e-7. On top of that, the 18 x 18 grid counts of the two samples must pass a
 * two-sample chi-square test at p = 1e-6, which catches shape errors (e.g. a mirrored pinwheel or
 * a wrong noise scale) that low-order moments can miss.
 */
class ToyDatasetStatisticsTest {
    private static final double Z = 5.0;
    private static final long JAVA_SEED = 20240611L;
    private static JsonNode reference;

    @BeforeAll
    static void loadReference() throws IOException {
        try (InputStream in = ToyDatasetStatisticsTest.class.getResourceAsStream("/data/toy_stats.json")) {
            assertNotNull(in, "missing test resource data/toy_stats.json");
            reference = new ObjectMapper().readTree(in).get("sets");
        }
    }

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void matchesPythonReferenceStatistics(ToyDataset set) {
        JsonNode ref = reference.get(set.id());
        assertNotNull(ref, "no reference statistics for " + set.id());
        int n = ref.get("n").asInt();
        float[] xy = set.generate(n, set.defaultNoise(), JAVA_SEED);
        SampleStats s = new SampleStats(xy);

        Comparison c = new Comparison(set.id());
        for (int k = 0; k < 2; k++) {
            c.check("mean[" + k + "]", ref.get("mean").get(k).asDouble(), ref.get("mean_se").get(k).asDouble(),
                    s.mean[k], s.meanSe[k]);
        }
        String[] covNames = {"cov_xx", "cov_xy", "cov_yy"};
        for (int k = 0; k < 3; k++) {
            c.check(covNames[k], ref.get("cov").get(k).asDouble(), ref.get("cov_se").get(k).asDouble(),
                    s.cov[k], s.covSe[k]);
        }
        c.check("mean_radius", ref.get("mean_radius").asDouble(), ref.get("mean_radius_se").asDouble(),
                s.meanRadius, s.meanRadiusSe);
        String[] axes = {"x", "y"};
        for (int axis = 0; axis < 2; axis++) {
            JsonNode q = ref.get("quantiles_" + axes[axis]);
            JsonNode qse = ref.get("quantiles_" + axes[axis] + "_se");
            for (int k = 0; k < SampleStats.QUANTILE_LEVELS.length; k++) {
                c.check("q" + Math.round(100 * SampleStats.QUANTILE_LEVELS[k]) + "_" + axes[axis],
                        q.get(k).asDouble(), qse.get(k).asDouble(), s.quantiles[axis][k], s.quantilesSe[axis][k]);
            }
        }
        double[] chi = gridChiSquare(ref.get("grid"), xy);
        System.out.printf(Locale.ROOT, "%-12s %s; grid chi2 = %.1f (df %d, limit %.1f)%n",
                set.id(), c.summary(), chi[0], (int) chi[1], chi[2]);
        assertTrue(c.failures.isEmpty(), set.id() + " differs from the Python reference: " + c.failures);
        assertTrue(chi[0] <= chi[2], String.format(Locale.ROOT,
                "%s: grid histogram differs from the Python reference, chi2 = %.1f > %.1f (df %d)",
                set.id(), chi[0], chi[2], (int) chi[1]));
    }

    /**
     * Two-sample chi-square on the grid counts (equal sample sizes): cells with fewer than 10
     * points in both samples together are pooled into one cell. Returns {statistic, df, limit}.
     */
    private static double[] gridChiSquare(JsonNode grid, float[] xy) {
        int bins = grid.get("bins").asInt();
        int[][] java = SampleStats.grid(xy, grid.get("lo").asDouble(), grid.get("hi").asDouble(), bins);
        JsonNode py = grid.get("counts_row_y");
        double stat = 0;
        int cells = 0;
        long pooledA = 0;
        long pooledB = 0;
        for (int r = 0; r < bins; r++) {
            for (int col = 0; col < bins; col++) {
                long a = py.get(r).get(col).asLong();
                long b = java[r][col];
                if (a + b >= 10) {
                    stat += (double) (a - b) * (a - b) / (a + b);
                    cells++;
                } else {
                    pooledA += a;
                    pooledB += b;
                }
            }
        }
        if (pooledA + pooledB > 0) {
            stat += (double) (pooledA - pooledB) * (pooledA - pooledB) / (pooledA + pooledB);
            cells++;
        }
        int df = cells - 1;
        return new double[] {stat, df, chiSquareUpperQuantile(df, 4.753)};
    }

    /** Wilson-Hilferty approximation of the chi-square quantile at standard normal quantile z. */
    private static double chiSquareUpperQuantile(int df, double z) {
        double a = 2.0 / (9.0 * df);
        return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    /** Collects statistic comparisons and remembers the largest deviation. */
    private static final class Comparison {
        final String set;
        final List<String> failures = new ArrayList<>();
        String worstName = "";
        double worstAbs;
        double worstRatio;
        String worstRatioName = "";

        Comparison(String set) {
            this.set = set;
        }

        void check(String name, double expected, double expectedSe, double actual, double actualSe) {
            double tol = Z * Math.hypot(expectedSe, actualSe);
            double dev = Math.abs(actual - expected);
            if (dev > worstAbs) {
                worstAbs = dev;
                worstName = name;
            }
            if (dev / tol > worstRatio) {
                worstRatio = dev / tol;
                worstRatioName = name;
            }
            if (!(dev <= tol)) {
                failures.add(String.format(Locale.ROOT, "%s: python %.4f, java %.4f, |diff| %.4f > tol %.4f",
                        name, expected, actual, dev, tol));
            }
        }

        String summary() {
            return String.format(Locale.ROOT, "largest |diff| %.4f (%s); largest diff/tol %.2f (%s)",
                    worstAbs, worstName, worstRatio, worstRatioName);
        }
    }

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void referenceCoversEverySet(ToyDataset set) {
        assertNotNull(reference.get(set.id()));
        assertEquals(20000, reference.get(set.id()).get("n").asInt());
    }
}
