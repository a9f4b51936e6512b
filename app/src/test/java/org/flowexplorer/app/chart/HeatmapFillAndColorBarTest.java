package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.argb;
import static org.flowexplorer.app.testing.FxTesting.distance;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.image.WritableImage;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.app.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The density fills the whole plot area, and a colour bar beside it reads the colours as numbers. */
@ExtendWith(FxToolkitExtension.class)
class HeatmapFillAndColorBarTest {
    /** Before the fix, the plot area outside the density grid (drawn data) showed the white page. */
    @Test
    void plotAreaOutsideTheGridShowsTheLowestColourAndTheBarSpansTheColormap() throws Exception {
        onFx(() -> {
            int n = 32;
            float[] values = TestData.grid(n, -1, 1, (x, y) -> Math.exp(-(x * x + y * y) / 0.2));
            PlotView view = new PlotView();
            view.setFixedBounds(-2, 2, -2, 2);
            view.setHeatmap(values, n, n, -1, 1, -1, 1, false);
            WritableImage img = FxTesting.render(view, 600, 500, view::redrawNow);
            Viewport vp = view.getViewport();
            double[] corner = view.toData(0, 0);
            double plotX = (-2 - corner[0]) * vp.scale();
            double plotY = (corner[1] - 2) * vp.scale();
            int bottom = Colormaps.VIRIDIS.argb(0);
            int margin = argb(img, plotX + 5, plotY + 5); // data (-2, 2): outside the grid
            assertTrue(distance(margin, bottom) < 20, Integer.toHexString(margin));
            double right = plotX + vp.size();
            int barTop = argb(img, right + 13, plotY + 3);
            int barBottom = argb(img, right + 13, plotY + vp.size() - 3);
            assertTrue(distance(barTop, Colormaps.VIRIDIS.argb(1)) < 30, Integer.toHexString(barTop));
            assertTrue(distance(barBottom, bottom) < 30, Integer.toHexString(barBottom));
            assertTrue(right + ColorBar.WIDTH <= 600, "the bar fits: plot ends at " + right);
            return null;
        });
    }
}
