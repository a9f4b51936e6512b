package org.flowexplorer.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.flowexplorer.app.teach.FormulaInspectorView;
import org.flowexplorer.app.teach.MixtureBaseSection;
import org.flowexplorer.app.viewmodel.QueryPoint;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LayerViewModel;

/**
 * The formula inspector, live: the coupling formula with the real numbers of the query point
 * (press in data space, or the latent query pulled back) at the layer the stepper is on. The worker
 * computes the inspection each time it publishes; the view's forward/inverse toggle is the view
 * model's {@link LayerViewModel#inspectionDirectionProperty()}. Under it, for a mixture base, the
 * base's learned components and which of them explains the query point ({@link MixtureBaseSection}).
 */
public final class InspectorPane extends BorderPane {
    /** Below this the formula's direction toggle and its x₁, x₂ columns would be cut. */
    private static final double MIN_FORMULA_WIDTH = 420;
    private final FormulaInspectorView view = new FormulaInspectorView();
    private final MixtureBaseSection mixture = new MixtureBaseSection();
    private final Button fullSize = new Button("Full size", new org.kordamp.ikonli.javafx.FontIcon("mdi2a-arrow-expand"));

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
        // a mixture base: its learned components and the query point's responsibilities, under the coupling
        mixture.setPadding(new Insets(0, 8, 8, 8));
        Runnable showBase = () -> {
            QueryPoint q = vm.plots().queryProperty().get();
            mixture.show(vm.plots().baseComponentsProperty().get(), q == null ? null : new double[] {q.latentX(), q.latentY()});
        };
        vm.plots().baseComponentsProperty().addListener((o, was, now) -> showBase.run());
        vm.plots().queryProperty().addListener((o, was, now) -> showBase.run());
        showBase.run();
        ScrollPane scroll = new ScrollPane(new javafx.scene.layout.VBox(view, mixture));
        scroll.setFitToWidth(true);
        // narrower than the formula it scrolls sideways instead of cutting the toggle and the numbers
        view.setMinWidth(MIN_FORMULA_WIDTH);
        view.forwardButton().setMinWidth(Region.USE_PREF_SIZE);
        view.inverseButton().setMinWidth(Region.USE_PREF_SIZE);
        // in the explorer's tab group the tab already names it: the title gives way to the button
        title.setMinWidth(0);
        title.visibleProperty().bind(widthProperty().greaterThan(MIN_FORMULA_WIDTH - 60));
        title.managedProperty().bind(title.visibleProperty());
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        fullSize.setId("inspector-full-size");
        fullSize.getStyleClass().addAll("flat", "small");
        Controls.tip(fullSize, "Open the formula inspector at full size, in its own tab.");
        fullSize.setVisible(false);
        fullSize.setManaged(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, title, gap, fullSize);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(header);
        setMargin(header, new Insets(8, 34, 0, 8));
        setCenter(scroll);
        setMinWidth(200);
    }

    /** Shows a "Full size" button in the title line that runs {@code open} (the explorer's compact inspector). */
    void offerFullSize(Runnable open) {
        fullSize.setOnAction(e -> open.run());
        fullSize.setVisible(true);
        fullSize.setManaged(true);
    }

    public FormulaInspectorView view() {
        return view;
    }

    /** The mixture base's part under the coupling (hidden for N(0, I)). */
    public MixtureBaseSection mixture() {
        return mixture;
    }
}
