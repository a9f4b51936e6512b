package org.flowexplorer.app.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.flowexplorer.app.scene.LayerAnatomy;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LayerViewModel;
import org.flowexplorer.app.viewmodel.LogDetViewModel;

/**
 * The "Log-det &amp; Jacobian" tab, live: for the stepper's coupling k, where layer k expands and
 * squeezes space (or layers 1…k together), how it bends small circles, and the query point's
 * log-likelihood bar by bar with its Jacobians. A row on top moves the stepper by one coupling
 * and toggles the cumulative map; each chart has its own PNG/SVG context menu.
 */
public final class LayerAnatomyPane extends BorderPane {
    private final LayerAnatomyBoard board = new LayerAnatomyBoard();
    private final LogDetViewModel logDet;
    private final Label where = new Label();

    LayerAnatomyPane(ExplorerViewModel vm) {
        logDet = vm.logDet();
        LayerViewModel layers = vm.layers();
        setId("layer-anatomy-pane");
        getStyleClass().add("plot-pane");
        Button previous = new Button("◀");
        previous.setId("anatomy-previous");
        Controls.lazyTooltip(previous, () -> new Tooltip("The coupling before (moves the stepper)."));
        previous.setOnAction(e -> layers.layerPositionProperty().set(Math.max(0, layers.inspectedLayerProperty().get() - 1)));
        Button next = new Button("▶");
        next.setId("anatomy-next");
        Controls.lazyTooltip(next, () -> new Tooltip("The next coupling (moves the stepper)."));
        next.setOnAction(e -> layers.layerPositionProperty().set(
                Math.min(layers.layerCountProperty().get() - 1, layers.inspectedLayerProperty().get() + 1)));
        CheckBox cumulative = new CheckBox("Cumulative: layers 1…k over data space");
        cumulative.setId("anatomy-cumulative");
        Controls.lazyTooltip(cumulative, () -> new Tooltip("Off: log|det J_k| of layer k alone, over its own input plane h_(k−1). "
                + "On: Σ log|det J_l| of layers 1…k, i.e. log|det ∂h_k/∂x|, over data space x."));
        cumulative.selectedProperty().bindBidirectional(logDet.cumulativeProperty());
        where.setId("anatomy-where");
        where.getStyleClass().add("text-small");
        HBox top = new HBox(8, previous, next, where, cumulative);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        board.setPadding(new Insets(0, 6, 6, 6));
        setCenter(board);
        logDet.anatomyProperty().addListener((o, was, now) -> show());
        logDet.cumulativeProperty().addListener((o, was, now) -> show());
        show();
    }

    private void show() {
        LayerAnatomy a = logDet.anatomyProperty().get();
        board.show(a, logDet.cumulativeProperty().get());
        where.setText(a == null ? "Waiting for the first trace…" : String.format(Locale.ROOT,
                "Coupling k = %d of %d · computed in %.0f ms%s", a.layer(), a.layers(), a.millis(),
                a.query() == null ? " · click in the Explorer's data plot for a query point" : ""));
    }

    public LayerAnatomyBoard board() {
        return board;
    }

    /** Gives each chart its own export context menu (vector SVG), explained as this tab. */
    void installExports(ExportActions exports) {
        String[][] names = {{"Log-det map", "logdet-map"}, {"Jacobian glyphs", "jacobian-glyphs"},
            {"Log-likelihood waterfall", "logdet-waterfall"}, {"Local Jacobians", "jacobian-matrices"}};
        for (int i = 0; i < 4; i++) {
            exports.install(ExportTarget.of(Explanations.LOGDET_JACOBIAN, names[i][0], names[i][1], board.charts().get(i)));
        }
    }
}
