package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.OptionalDouble;
import javafx.geometry.Bounds;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.app.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The loss chart's readability defects of issue 15: legend vs. "log y", log ticks, cut labels, spikes, hover. */
@ExtendWith(FxToolkitExtension.class)
class LossChartReadabilityTest {
    private static LossChart chartWith(TestData.Series train, int w, int h) {
        LossChart chart = new LossChart();
        chart.appendTrain(train.steps(), train.values());
        chart.appendTest(new int[] {0, train.steps().length - 1}, new float[] {3.5f, 2.6f});
        FxTesting.render(chart, w, h, chart::redrawNow);
        return chart;
    }

    /** Round log ticks: at most two significant digits, e.g. 1, 2, 5, 10 or 2.5, 3 (before the fix: 2.512, 3.162, 3.981). */
    @Test
    void logTicksAreRound() throws Exception {
        onFx(() -> {
            for (double top : new double[] {4.5, 300}) {
                LossChart chart = chartWith(TestData.series(3000, i -> (top - 2.3) * Math.exp(-i / 300.0) + 2.3), 600, 300);
                chart.setLogScale(true);
                chart.redrawNow();
                assertRound(chart.yTickValues());
            }
            return null;
        });
    }

    private static void assertRound(double[] ticks) {
        assertTrue(ticks.length >= 2, Arrays.toString(ticks));
        for (double t : ticks) {
            double scaled = t / Math.pow(10, Math.floor(Math.log10(t) + 1e-9) - 1);
            assertEquals(Math.rint(scaled), scaled, 1e-6, "tick " + t + " of " + Arrays.toString(ticks));
        }
    }

    /** Before the fix the legend ran under the check box: "tes☐ log y". */
    @Test
    void legendIsClearOfTheLogToggle() throws Exception {
        onFx(() -> {
            for (int w : new int[] {260, 340, 480, 900}) {
                LossChart chart = chartWith(TestData.series(500, i -> 3 - i / 500.0), w, 260);
                chart.setLowerBound(OptionalDouble.of(Math.log(32)), "entropy ln 32 (lower bound)");
                chart.redrawNow();
                Bounds toggle = chart.logToggleBounds();
                assertTrue(chart.legendEntryBounds().size() >= 3);
                for (Bounds entry : chart.legendEntryBounds()) {
                    assertFalse(entry.intersects(toggle), "width " + w + ": legend entry " + entry + " under " + toggle);
                    assertTrue(entry.getMaxX() <= w && entry.getMinX() >= 0, "width " + w + ": legend entry " + entry);
                }
            }
            return null;
        });
    }

    /** Before the fix "000000.0" and "2.0e+16" ran past the left edge; every y label fits left of the axis. */
    @Test
    void yLabelsFitInTheMargin() throws Exception {
        onFx(() -> {
            TestData.Series huge = TestData.series(400, i -> i < 3 ? 2e16 : 123456.0 - i);
            LossChart chart = chartWith(huge, 400, 260);
            for (boolean log : new boolean[] {false, true}) {
                chart.setLogScale(log);
                chart.redrawNow();
                for (String label : chart.yTickLabels()) {
                    double width = new javafx.scene.text.Text(label).getLayoutBounds().getWidth();
                    assertTrue(width + 6 <= chart.leftMargin() - 16, "label '" + label + "' " + width
                            + " px in a margin of " + chart.leftMargin());
                }
            }
            return null;
        });
    }

    /** An early spike does not flatten the curve: the range follows the bulk and the spike is marked off-scale. */
    @Test
    void earlySpikeDoesNotFlattenTheAxis() throws Exception {
        onFx(() -> {
            TestData.Series spiky = TestData.series(2000, i -> i == 5 ? 5000 : 3 - i / 2000.0);
            LossChart chart = chartWith(spiky, 600, 300);
            double[] range = chart.valueRange();
            assertTrue(range[1] < 10, "top of the axis " + range[1]);
            assertTrue(range[0] < 2.1, "bottom of the axis " + range[0]);
            assertEquals(1, chart.offScaleCount());
            return null;
        });
    }

    /** Before the fix the read-out was placed left of the guide at the left edge and cut off. */
    @Test
    void hoverReadoutStaysInside() throws Exception {
        onFx(() -> {
            LossChart chart = chartWith(TestData.series(500, i -> 3 - i / 500.0), 220, 200);
            for (double x : new double[] {chart.leftMargin() + 1, 110, 219 - 14}) {
                chart.setHover(x);
                chart.redrawNow();
                Bounds b = chart.hoverBounds();
                assertTrue(b.getMinX() >= 0 && b.getMaxX() <= 220, "hover at " + x + ": " + b);
            }
            return null;
        });
    }
}
