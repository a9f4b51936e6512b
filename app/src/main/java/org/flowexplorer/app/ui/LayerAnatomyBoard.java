package org.flowexplorer.app.ui;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.flowexplorer.app.chart.JacobianGlyphView;
import org.flowexplorer.app.chart.JacobianPanel;
import org.flowexplorer.app.chart.LogDetMapView;
import org.flowexplorer.app.chart.PlaneContent;
import org.flowexplorer.app.chart.WaterfallChart;
import org.flowexplorer.app.scene.LayerAnatomy;
import org.flowexplorer.app.scene.LogDetMap;
import org.flowexplorer.app.scene.QueryAnatomy;

/**
 * The four charts of the "Log-det &amp; Jacobian" tab in a 2×2 grid: the log-det map and the
 * Jacobian glyphs on top, the query point's waterfall and its Jacobian matrices below. A board
 * only shows what it is given, so an export copy is a second board with the same data.
 */
public final class LayerAnatomyBoard extends GridPane {
    private final LogDetMapView map = new LogDetMapView();
    private final JacobianGlyphView glyphs = new JacobianGlyphView();
    private final WaterfallChart waterfall = new WaterfallChart();
    private final JacobianPanel jacobians = new JacobianPanel();
    private LayerAnatomy shown;
    private boolean cumulative;

    public LayerAnatomyBoard() {
        getStyleClass().add("layer-anatomy-board");
        map.setId("logdet-map");
        glyphs.setId("jacobian-glyphs");
        waterfall.setId("logdet-waterfall");
        jacobians.setId("jacobian-panel");
        setHgap(6);
        setVgap(6);
        add(map, 0, 0);
        add(glyphs, 1, 0);
        add(waterfall, 0, 1);
        add(jacobians, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(58);
        top.setVgrow(Priority.ALWAYS);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(42);
        bottom.setVgrow(Priority.ALWAYS);
        getRowConstraints().addAll(top, bottom);
        for (javafx.scene.layout.Region r : charts()) {
            r.setMinSize(120, 100);
            r.setPrefSize(200, 150);
            r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    /** Shows coupling k's data; {@code cumulative}: the map shows layers 1…k together over data space. */
    public void show(LayerAnatomy a, boolean cumulative) {
        shown = a;
        this.cumulative = cumulative;
        if (a == null) {
            map.setContent(null);
            glyphs.setContent(null);
            waterfall.setContent(null);
            jacobians.setContent(null);
            return;
        }
        QueryAnatomy q = a.query();
        LogDetMap m = cumulative ? a.cumulative() : a.perLayer();
        double[] at = q == null ? null : q.positions()[cumulative ? 0 : a.layer() - 1];
        map.setContent(new PlaneContent<>(m, cumulative ? a.data() : a.inputs(), at));
        glyphs.setContent(a.glyphs().count() == 0 ? null
                : new PlaneContent<>(a.glyphs(), a.outputs(), q == null ? null : q.positions()[a.layer()]));
        waterfall.setContent(q);
        jacobians.setContent(q);
    }

    /** A new board with the same data, for exports. */
    public LayerAnatomyBoard copy() {
        LayerAnatomyBoard b = new LayerAnatomyBoard();
        b.show(shown, cumulative);
        return b;
    }

    public LogDetMapView map() {
        return map;
    }

    public JacobianGlyphView glyphs() {
        return glyphs;
    }

    public WaterfallChart waterfall() {
        return waterfall;
    }

    public JacobianPanel jacobians() {
        return jacobians;
    }

    /** The four charts, in reading order. */
    public java.util.List<javafx.scene.layout.Region> charts() {
        return java.util.List.of(map, glyphs, waterfall, jacobians);
    }
}
