package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A layer that an export copy leaves out vanishes silently from PNG and SVG. These tests fail when
 * a layer is not carried by {@link PlotLayers}, or a new layer is not set here.
 */
@ExtendWith(FxToolkitExtension.class)
class PlotLayersExportTest {
    @Test
    void theExportCopyDrawsEveryLayerOfTheOriginal() throws Exception {
        onFx(() -> {
            PlotView view = new PlotView();
            view.setHeatmap(new float[] {1, 2, 3, 4}, 2, 2, -1, 1, -1, 1, true);
            view.setColormap(Colormaps.MAGMA);
            view.setPoints(new float[] {0, 0, 1, 1}, new int[] {0xFF112233, 0xFF445566});
            view.setSamples(new float[] {0.5f, 0.5f}, 0xFF778899);
            view.setPoints(view.getLayers().points(), 0xFFAABBCC);
            view.setPoints(view.getLayers().points(), new int[] {0xFF112233, 0xFF445566});
            view.setWarpedGrid(new float[][] {{0, 0, 1, 1}});
            view.setGaussianContours(true);
            view.setMarkers(List.of(new Marker(0.2, 0.3, "x", 0xFFCF222E)));
            view.setFixedBounds(-2, 2, -2, 2);
            view.setPointRadius(3);
            view.setPointOpacity(0.5);
            view.setTitle("title");
            view.setAxisTitles("x", "y");
            PlotLayers layers = view.getLayers();
            for (RecordComponent c : PlotLayers.class.getRecordComponents()) {
                Object set = c.getAccessor().invoke(layers);
                Object empty = c.getAccessor().invoke(PlotLayers.EMPTY);
                assertNotEquals(empty, set, "this test does not set the layer '" + c.getName() + "'");
            }
            PlotView copy = (PlotView) view.layoutCopy(300, 300, 2);
            assertSame(layers, copy.getLayers(), "the export copy draws the very same layers");
            return null;
        });
    }

    @Test
    void plotViewKeepsNoDataOutsideItsLayers() {
        // every other mutable field is layout, input or redraw state, never drawn data
        Set<String> derived = Set.of("layers", "viewport", "plotX", "plotY", "renderScaleOverride", "onDataPressed",
                "onDataDragged", "onDataReleased", "pressInside",
                "overlayKey"); // what the overlay canvas shows now, derived from the layers (a copy paints afresh)
        Set<String> mutable = new TreeSet<>();
        for (Field f : PlotView.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
                mutable.add(f.getName());
            }
        }
        mutable.removeAll(derived);
        assertEquals(Set.of(), mutable, "a field of PlotView that an export copy does not get: put it in PlotLayers "
                + Arrays.toString(mutable.toArray()));
    }
}
