package org.flowexplorer.app.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.LayerInterpolation;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.chart.LayerScrubber;
import org.flowexplorer.app.chart.MaskGridView;
import org.flowexplorer.app.chart.Marker;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LayerViewModel;
import org.flowexplorer.app.viewmodel.PlotsViewModel;
import org.flowexplorer.app.viewmodel.QueryPoint;
import org.flowexplorer.app.viewmodel.StepperFrame;

/**
 * The layer stepper: the points (coloured by their data-space position) and a warped data grid
 * blended smoothly between consecutive layers, a scrubber 0..L, the current coupling's mask in
 * words and all masks as a grid (click a row to go there).
 */
public final class StepperPane extends BorderPane {
    private final Palette.Cache colors;
    private final PlotView plot = new PlotView();
    private final LayerScrubber scrubber = new LayerScrubber();
    private final MaskGridView masks = new MaskGridView();
    private final LayerViewModel layers;
    private final PlotsViewModel plots;
    private final CheckBox fixedAxes = new CheckBox("same axes for every layer");
    private final Label maskText = new Label();
    /** The caption changes with every snapshot (mean |s|, |t|): a {@link Readout} keeps that from re-laying out the window. */
    private final Readout maskReadout = new Readout(maskText);
    private final VBox bottom;

    StepperPane(ExplorerViewModel vm, Palette.Cache colors) {
        this.layers = vm.layers();
        this.plots = vm.plots();
        this.colors = colors;
        Controls.plotPane(this, plot, "stepper-plot", "Layer stepper: data → latent", "h₁", "h₂");
        plot.setPointRadius(1.3);
        scrubber.setId("layer-scrubber");
        scrubber.layerCountProperty().bind(layers.layerCountProperty());
        scrubber.positionProperty().bindBidirectional(layers.layerPositionProperty());
        masks.setId("mask-grid");
        masks.selectedLayerProperty().addListener((o, was, now) -> {
            int l = now.intValue();
            if (l >= 0 && l < layers.layerCountProperty().get() && Math.floor(layers.layerPositionProperty().get()) != l) {
                scrubber.pause();
                layers.layerPositionProperty().set(l);
            }
        });
        maskText.setId("mask-text");
        maskText.setWrapText(true);
        maskText.getStyleClass().add("text-small");
        maskText.textProperty().bind(layers.maskDescriptionProperty());

        fixedAxes.setId("stepper-fixed-axes");
        fixedAxes.setSelected(true);
        fixedAxes.getStyleClass().add("text-small");
        Controls.lazyTooltip(fixedAxes, () -> new Tooltip("On: one box holds every layer, so frames can be compared (a layer that"
                + " squeezes the points shows them smaller). Off: the axes follow each layer's points."));
        fixedAxes.selectedProperty().addListener((o, was, now) -> redraw());
        bottom = new VBox(4, scrubber, fixedAxes, maskReadout);
        bottom.setPadding(new Insets(4, 0, 0, 0));
        Tooltip words = new Tooltip();
        words.textProperty().bind(layers.maskDescriptionProperty());
        Tooltip.install(bottom, words); // the mask's words stay at hand when a short pane hides them
        setBottom(bottom);

        layers.stepperFrameProperty().addListener((o, was, now) -> redraw());
        plots.queryProperty().addListener((o, was, now) -> redraw());
        plots.masksProperty().addListener((o, was, now) -> masks.setMasks(now));
        layers.inspectedLayerProperty().addListener((o, was, now) -> masks.setHighlightedLayer(now.intValue()));
        if (plots.masksProperty().get() != null) {
            masks.setMasks(plots.masksProperty().get());
        }
        masks.setHighlightedLayer(layers.inspectedLayerProperty().get());
        redraw();
    }

    /**
     * When the pane is too short for the plot at its minimum height and the whole bottom row (compare
     * mode's rows at 1024×768), the mask's words give way: BorderPane would otherwise lay the plot out
     * at its minimum height over the scrubber row, hiding the plot's h₁ axis title behind it.
     */
    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double words = maskReadout.isManaged() ? 0 : bottom.getSpacing() + maskReadout.prefHeight(w);
        boolean room = plot.minHeight(w) + bottom.prefHeight(w) + words <= h;
        if (maskReadout.isManaged() != room) {
            maskReadout.setManaged(room);
            maskReadout.setVisible(room);
        }
        super.layoutChildren();
    }

    /** The current coupling's mask in words (hidden while the pane is too short for it). */
    Label maskText() {
        return maskText;
    }

    public PlotView plot() {
        return plot;
    }

    /** Axes fixed across layers (on by default) or following each layer. */
    public CheckBox fixedAxesToggle() {
        return fixedAxes;
    }

    public LayerScrubber scrubber() {
        return scrubber;
    }

    /** The mask view with its title, placed by the main window. */
    public javafx.scene.Node maskPane() {
        Label masksTitle = new Label("Masks");
        masksTitle.getStyleClass().add("title-4");
        Controls.lazyTooltip(masksTitle, () -> new javafx.scene.control.Tooltip(
                "Each layer's mask: which coordinate conditions (passes through) and which is transformed. Click a layer to step there."));
        // a deep flow's rows scroll rather than squeeze (and the row's height stays the layout's)
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(masks);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        VBox box = new VBox(6, masksTitle, scroll);
        box.setPadding(new Insets(8));
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    public MaskGridView masks() {
        return masks;
    }

    private void redraw() {
        StepperFrame f = layers.stepperFrameProperty().get();
        if (f == null) {
            return;
        }
        plot.setPoints(f.points(), colors.byPosition(f.origins()));
        plot.setWarpedGrid(f.gridLines());
        Bounds b = fixedAxes.isSelected() ? f.allLayers() : f.bounds();
        plot.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
        QueryPoint q = plots.queryProperty().get();
        if (q == null) {
            plot.setMarkers(List.of());
        } else {
            float[] at = LayerInterpolation.alongPath(q.path(), layers.layerPositionProperty().get());
            plot.setMarkers(List.of(new Marker(at[0], at[1], q.placedInData() ? "x" : "z", Palette.QUERY, q.path())));
        }
    }
}
