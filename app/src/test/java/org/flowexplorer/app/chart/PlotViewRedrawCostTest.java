package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** New points redraw the raster alone: no layout of the plot's parents, no repainted overlay. */
@ExtendWith(FxToolkitExtension.class)
class PlotViewRedrawCostTest {
    private static final PlotPainter.Colors COLORS = new PlotPainter.Colors(javafx.scene.paint.Color.WHITE,
            javafx.scene.paint.Color.GRAY, javafx.scene.paint.Color.BLACK, javafx.scene.paint.Color.LIGHTGRAY,
            javafx.scene.paint.Color.BLUE, javafx.scene.paint.Color.RED);

    @Test
    void newPointsDoNotLayOutTheParents() throws Exception {
        onFx(() -> {
            PlotView view = new PlotView();
            view.setFixedBounds(-1, 1, -1, 1);
            view.setPoints(new float[] {0.1f, 0.2f}, 0xFF0000FF);
            StackPane root = new StackPane(view);
            new Scene(root, 400, 400);
            root.applyCss();
            root.layout();
            view.redrawNow();
            root.layout();
            view.setPoints(new float[] {0.3f, -0.2f, 0.5f, 0.5f}, 0xFF0000FF);
            view.redrawNow(); // a new raster: the image view's pixels change
            assertFalse(root.isNeedsLayout(), "the plot's parent is not asked to lay out for new pixels");
            return null;
        });
    }

    @Test
    void theOverlayKeyIgnoresThePointsButNotWhatTheOverlayDraws() {
        Viewport v = new Viewport(-1, 1, -1, 1, 300);
        PlotLayers a = PlotLayers.EMPTY.withPoints(new float[] {0, 0}, null, 0xFF000000);
        PlotLayers b = a.withPoints(new float[] {0.5f, 0.5f, 0.1f, 0.1f}, null, 0xFF000000);
        OverlayKeyProbe p = new OverlayKeyProbe(v);
        assertEquals(p.key(a), p.key(b), "points alone: the overlay stays");
        assertNotEquals(p.key(a), p.key(a.withMarkers(List.of(new Marker(0, 0, "x", 0xFFFF0000)))), "a marker");
        assertNotEquals(p.key(a), p.key(a.withSamples(new float[] {0, 0}, 0xFF000000)), "the samples' legend");
        assertNotEquals(p.key(a), p.key(a.withGaussianContours(true)), "contours");
        assertNotEquals(p.key(a), new OverlayKeyProbe(new Viewport(-2, 2, -1, 1, 300)).key(a), "other bounds");
    }

    private record OverlayKeyProbe(Viewport v) {
        PlotView.OverlayKey key(PlotLayers l) {
            return PlotView.OverlayKey.of(new PlotPainter(l, v, 40, 10, COLORS, 5), 400, 400);
        }
    }
}
