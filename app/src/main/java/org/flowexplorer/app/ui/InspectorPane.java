package org.flowexplorer.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.teach.FormulaInspectorView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LayerViewModel;

/**
 * The formula inspector, live: the coupling formula with the real numbers of the query point
 * (press in data space, or the latent query pulled back) at the layer the stepper is on. The worker
 * computes the inspection each time it publishes; the view's forward/inverse toggle is the view
 * model's {@link LayerViewModel#inspectionDirectionProperty()}.
 */
public final class InspectorPane extends BorderPane {
    private final FormulaInspectorView view = new FormulaInspectorView();

    public InspectorPane(ExplorerViewModel vm) {
        LayerViewModel layers = vm.layers();
        getStyleClass().add("plot-pane");
        setId("inspector-pane");
        Label title = new Label("Formula inspector");
        title.getStyleClass().add("title-4");
        view.setPadding(new Insets(4, 8, 8, 8));
        view.directionProperty().bindBidirectional(layers.inspectionDirectionProperty());
        layers.inspectionProperty().addListener((o, was, now) -> view.setInspection(now));
        view.setInspection(layers.inspectionProperty().get());
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        setTop(title);
        setMargin(title, new Insets(8, 8, 0, 8));
        setCenter(scroll);
        setMinWidth(220);
    }

    public FormulaInspectorView view() {
        return view;
    }
}
