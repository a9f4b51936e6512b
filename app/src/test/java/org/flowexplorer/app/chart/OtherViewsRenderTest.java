package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.argb;
import static org.flowexplorer.app.testing.FxTesting.distance;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.testing.TestData;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.OptionalDouble;
import javafx.geometry.Bounds;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

@ExtendWith(FxToolkitExtension.class)
class OtherViewsRenderTest {
    private static int centre(WritableImage img, Region node) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        return argb(img, b.getCenterX(), b.getCenterY());
    }

    @Test
    void maskCellColoursFollowTheMask() throws Exception {
        onFx(() -> {
            MaskGridView grid = new MaskGridView();
            boolean[][] masks = TestData.alternatingMasks(8);
            grid.setMasks(masks);
            grid.setHighlightedLayer(3);
            WritableImage img = FxTesting.render(grid, 600, 600, () -> { });
            int condition = centre(img, grid.legendSwatch(0));
            int transform = centre(img, grid.legendSwatch(1));
            assertTrue(distance(condition, transform) > 60, "legend colours must differ");
            for (int l = 0; l < 8; l++) {
                for (int d = 0; d < 2; d++) {
                    int expected = masks[l][d] ? condition : transform;
                    assertTrue(distance(centre(img, grid.cell(l, d)), expected) < 8, "cell " + l + "," + d);
                }
            }
            grid.cell(5, 0).fireEvent(click(grid.cell(5, 0)));
            assertEquals(5, grid.selectedLayerProperty().get());
            assertEquals(5, grid.getHighlightedLayer());
            return null;
        });
    }

    private static javafx.scene.input.MouseEvent click(Region target) {
        return new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1,
                javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true,
                false, false, null);
    }

    @Test
    void lossChartDrawsCurvesAndHoverReadout() throws Exception {
        onFx(() -> {
            LossChart chart = new LossChart();
            int n = 5000;
            TestData.Series curve = TestData.series(n, i -> 2.5 * Math.exp(-i / 800.0) + 1.0);
            int[] steps = curve.steps();
            float[] values = curve.values();
            chart.appendTrain(steps, values);
            chart.appendTest(new int[] {0, 2500, 4999}, new float[] {3.6f, 1.2f, 1.05f});
            chart.setLowerBound(OptionalDouble.of(0.9), "entropy");
            chart.setHover(300);
            WritableImage img = FxTesting.render(chart, 600, 300, chart::redrawNow);
            assertEquals(n, chart.trainSize());
            assertTrue(chart.hoverText().startsWith("step "), chart.hoverText());
            assertTrue(chart.hoverText().contains("train "), chart.hoverText());
            int train = 0xFF0969DA;
            int found = 0;
            for (int y = 0; y < 300; y++) {
                for (int x = 0; x < 600; x++) {
                    if (distance(argb(img, x, y), train) < 40) {
                        found++;
                    }
                }
            }
            assertTrue(found > 200, "train curve should be drawn, found " + found + " px");
            chart.setLogScale(true);
            chart.clear();
            chart.setHover(Double.NaN);
            chart.redrawNow();
            assertEquals(0, chart.trainSize());
            assertEquals("", chart.hoverText());
            return null;
        });
    }

    @Test
    void scrubberAnimatesAndStopsAtTheEnd() throws Exception {
        onFx(() -> {
            LayerScrubber s = new LayerScrubber();
            s.setLayerCount(8);
            assertEquals("0 / 8 · x", s.getLabelText());
            s.layersPerSecondProperty().set(2);
            s.playForward();
            s.advance(0);
            s.advance(1_000_000_000L);
            assertEquals(2, s.getPosition(), 1e-9);
            assertEquals("2 / 8", s.getLabelText());
            s.advance(10_000_000_000L);
            assertEquals(8, s.getPosition(), 1e-9);
            assertFalse(s.playingProperty().get());
            assertEquals("8 / 8 · z", s.getLabelText());
            s.playBackward();
            s.advance(0);
            s.advance(500_000_000L);
            assertEquals(7, s.getPosition(), 1e-9);
            s.pause();
            return null;
        });
    }
}
