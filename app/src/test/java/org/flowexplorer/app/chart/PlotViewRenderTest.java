package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.argb;
import static org.flowexplorer.app.testing.FxTesting.distance;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.testing.TestData;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.List;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

@ExtendWith(FxToolkitExtension.class)
class PlotViewRenderTest {
    @Test
    void pointAppearsAtItsDataLocation() throws Exception {
        onFx(() -> {
            PlotView view = new PlotView();
            view.setFixedBounds(-1, 1, -1, 1);
            view.setPointRadius(3);
            view.setPointOpacity(1);
            view.setPoints(new float[] {0.5f, 0.5f}, new int[] {0xFFFF0000});
            WritableImage img = FxTesting.render(view, 600, 600, view::redrawNow);
            double sx = 0;
            double sy = 0;
            int count = 0;
            for (int y = 0; y < 600; y++) {
                for (int x = 0; x < 600; x++) {
                    if (distance(argb(img, x, y), 0xFFFF0000) < 40) {
                        sx += x + 0.5;
                        sy += y + 0.5;
                        count++;
                    }
                }
            }
            assertTrue(count >= 12 && count <= 60, "disc of radius 3 should cover ~28 px, got " + count);
            double[] d = view.toData(sx / count, sy / count);
            assertEquals(0.5, d[0], 0.02);
            assertEquals(0.5, d[1], 0.02);
            return null;
        });
    }

    @Test
    void heatmapPeakGetsTopOfColormap() throws Exception {
        onFx(() -> {
            int n = 64;
            float[] values = TestData.grid(n, -2, 2, (x, y) -> Math.exp(-((x - 0.7) * (x - 0.7) + (y + 0.6) * (y + 0.6)) / 0.1));
            PlotView view = new PlotView();
            view.setFixedBounds(-2, 2, -2, 2);
            view.setHeatmap(values, n, n, -2, 2, -2, 2, false);
            WritableImage img = FxTesting.render(view, 600, 600, view::redrawNow);
            Viewport vp = view.getViewport();
            double[] peak = pixelOf(view, vp, 0.7, -0.6);
            double[] far = pixelOf(view, vp, -1.3, 1.3);
            int top = Colormaps.VIRIDIS.argb(1);
            int bottom = Colormaps.VIRIDIS.argb(0);
            assertTrue(distance(argb(img, peak[0], peak[1]), top) < 12,
                    Integer.toHexString(argb(img, peak[0], peak[1])));
            assertTrue(distance(argb(img, far[0], far[1]), bottom) < 12,
                    Integer.toHexString(argb(img, far[0], far[1])));
            return null;
        });
    }

    @Test
    void markersAreHitTestedInPixels() throws Exception {
        onFx(() -> {
            PlotView view = new PlotView();
            view.setFixedBounds(-1, 1, -1, 1);
            view.setMarkers(List.of(new Marker(0, 0, "a", 0xFF000000), new Marker(0.5, 0.5, "b", 0xFF000000,
                    new float[] {0.5f, 0.5f, 0.2f, 0.1f})));
            FxTesting.render(view, 600, 600, view::redrawNow);
            double perPixel = 1 / view.getViewport().scale();
            assertEquals(1, view.nearestMarker(0.5 + 5 * perPixel, 0.5, 8));
            assertEquals(0, view.nearestMarker(-3 * perPixel, 0, 8));
            assertEquals(-1, view.nearestMarker(0.25, 0.25, 8));
            return null;
        });
    }

    @Test
    void snapshotImageRendersAtRequestedScale() throws Exception {
        onFx(() -> {
            PlotView view = new PlotView();
            view.setTitle("data");
            view.setFixedBounds(-1, 1, -1, 1);
            view.setPointRadius(3);
            view.setPointOpacity(1);
            view.setPoints(new float[] {0, 0}, 0xFF00AA00);
            WritableImage img = view.snapshotImage(300, 300, 2);
            assertEquals(600, img.getWidth());
            assertEquals(600, img.getHeight());
            boolean green = false;
            for (int y = 0; y < 600 && !green; y++) {
                for (int x = 0; x < 600 && !green; x++) {
                    green = distance(argb(img, x, y), 0xFF00AA00) < 30;
                }
            }
            assertTrue(green, "the point must be in the exported image");
            return null;
        });
    }

    /** Region-local pixel of a data point, through the public toData mapping. */
    private static double[] pixelOf(PlotView view, Viewport vp, double x, double y) {
        double[] origin = view.toData(0, 0);
        double px = (x - origin[0]) * vp.scale();
        double py = (origin[1] - y) * vp.scale();
        return new double[] {px, py};
    }
}
