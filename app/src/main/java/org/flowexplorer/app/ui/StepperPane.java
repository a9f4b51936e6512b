package org.flowexplorer.app.ui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.view.LayerScrubber;
import org.flowexplorer.app.view.MaskGridView;
import org.flowexplorer.app.view.Marker;
import org.flowexplorer.app.view.PlotView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.StepperFrame;
import org.flowexplorer.app.worker.Snapshot;

/**
 * The layer stepper: the points (coloured by their data-space position) and a warped data grid
 * blended smoothly between consecutive layers, a scrubber 0..L, the current coupling's mask in
 * words and all masks as a grid (click a row to go there).
 */
public final class StepperPane extends BorderPane {
    private final PlotView plot = new PlotView();
    private final LayerScrubber scrubber = new LayerScrubber();
    private final MaskGridView masks = new MaskGridView();
    private final Label maskText = new Label();
    private final ExplorerViewModel vm;
    private final PlotColors colors;
    private boolean[][] shownMasks;

    StepperPane(ExplorerViewModel vm, PlotColors colors) {
        this.vm = vm;
        this.colors = colors;
        getStyleClass().add("plot-pane");
        plot.setId("stepper-plot");
        plot.setTitle("Layer stepper: data → latent");
        plot.setAxisTitles("h₁", "h₂");
        plot.setPointRadius(1.3);
        scrubber.setId("layer-scrubber");
        scrubber.layerCountProperty().bind(vm.layerCountProperty());
        scrubber.positionProperty().bindBidirectional(vm.layerPositionProperty());
        masks.setId("mask-grid");
        masks.selectedLayerProperty().addListener((o, was, now) -> {
            int l = now.intValue();
            if (l >= 0 && l < vm.layerCountProperty().get() && Math.floor(vm.layerPositionProperty().get()) != l) {
                scrubber.pause();
                vm.layerPositionProperty().set(l);
            }
        });
        maskText.setId("mask-text");
        maskText.setWrapText(true);
        maskText.getStyleClass().add("text-small");

        setCenter(plot);
        VBox bottom = new VBox(4, scrubber, maskText);
        bottom.setPadding(new Insets(4, 0, 0, 0));
        setBottom(bottom);

        StepperFrame f = vm.stepper();
        f.pointsProperty().addListener((o, was, now) -> redraw());
        vm.snapshotProperty().addListener((o, was, now) -> onSnapshot(now));
        vm.layerPositionProperty().addListener((o, was, now) -> describe());
        onSnapshot(vm.getSnapshot());
        redraw();
    }

    public PlotView plot() {
        return plot;
    }

    public LayerScrubber scrubber() {
        return scrubber;
    }

    public MaskGridView masks() {
        return masks;
    }

    /** The mask view with its title, placed by the main window. */
    public javafx.scene.Node maskPane() {
        Label masksTitle = new Label("Masks");
        masksTitle.getStyleClass().add("title-4");
        masksTitle.setTooltip(new javafx.scene.control.Tooltip(
                "Each layer's mask: which coordinate conditions (passes through) and which is transformed. Click a layer to step there."));
        VBox box = new VBox(6, masksTitle, masks);
        box.setPadding(new Insets(8));
        VBox.setVgrow(masks, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private void onSnapshot(Snapshot s) {
        if (s == null) {
            return;
        }
        if (s.view().masks() != null && !java.util.Arrays.deepEquals(s.view().masks(), shownMasks)) {
            shownMasks = s.view().masks();
            masks.setMasks(s.view().masks());
        }
        describe();
    }

    private void redraw() {
        Snapshot s = vm.getSnapshot();
        StepperFrame f = vm.stepper();
        float[] pts = f.pointsProperty().get();
        if (s == null || pts == null) {
            return;
        }
        plot.setPoints(pts, colors.forData(s.view().points()));
        plot.setWarpedGrid(f.gridLinesProperty().get());
        Bounds b = f.boundsProperty().get();
        plot.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
        Snapshot.QueryResult q = s.view().query();
        if (q == null) {
            plot.setMarkers(List.of());
        } else {
            float[] at = StepperFrameAccess.pathPoint(q.path(), vm.layerPositionProperty().get());
            plot.setMarkers(List.of(new Marker(at[0], at[1], q.space() == org.flowexplorer.app.worker.Command.Space.DATA
                    ? "x" : "z", PlotColors.QUERY, q.path())));
        }
    }

    private void describe() {
        Snapshot s = vm.getSnapshot();
        int count = vm.layerCountProperty().get();
        double p = vm.layerPositionProperty().get();
        int coupling = (int) Math.min(Math.floor(p), count - 1);
        masks.setHighlightedLayer(coupling);
        if (s == null || s.view().masks() == null || coupling < 0 || coupling >= s.view().masks().length) {
            maskText.setText("");
            return;
        }
        boolean[] m = s.view().masks()[coupling];
        java.util.StringJoiner cond = new java.util.StringJoiner(", ");
        java.util.StringJoiner trans = new java.util.StringJoiner(", ");
        for (int d = 0; d < m.length; d++) {
            (m[d] ? cond : trans).add("h" + (char) ('₁' + d));
        }
        String where = p == 0 ? "Layer 0 = data space. " : p >= count ? "Layer " + count + " = latent space. " : "";
        String stats = "";
        if (s.view().trace() != null && coupling < s.view().trace().meanAbsScale().length) {
            stats = String.format(Locale.ROOT, "  mean |s| = %.3f, mean |t| = %.3f.",
                    s.view().trace().meanAbsScale()[coupling], s.view().trace().meanAbsShift()[coupling]);
        }
        maskText.setText(where + "Coupling " + (coupling + 1) + " of " + count + ": " + cond + " conditions (passes through), "
                + trans + (s.settings().architecture().coupling() == org.flowexplorer.model.flow.CouplingType.AFFINE
                        ? " is scaled and shifted." : " is shifted.") + stats);
    }

    /** Interpolation of a query path at a continuous layer position. */
    static final class StepperFrameAccess {
        static float[] pathPoint(float[] path, double position) {
            int layers = path.length / 2 - 1;
            double p = Math.max(0, Math.min(layers, position));
            int k = (int) Math.min(Math.floor(p), layers - 1);
            float f = (float) (p - k);
            return new float[] {path[2 * k] + f * (path[2 * k + 2] - path[2 * k]),
                    path[2 * k + 1] + f * (path[2 * k + 3] - path[2 * k + 1])};
        }
    }
}
