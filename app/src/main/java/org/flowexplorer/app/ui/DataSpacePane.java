package org.flowexplorer.app.ui;

import java.util.List;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.view.Marker;
import org.flowexplorer.app.view.PlotView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.Snapshot;

/** Data space: the training points, optional model density, model samples and the query point. */
public final class DataSpacePane extends BorderPane {
    private final PlotView plot = new PlotView();
    private final ExplorerViewModel vm;
    private final PlotColors colors;
    private Snapshot shown;
    private float[] shownPoints;
    private static final String QUERY_HINT = "Drag here to place a point x and see its z = f(x) and its path through the layers.";

    DataSpacePane(ExplorerViewModel vm, PlotColors colors) {
        this.vm = vm;
        this.colors = colors;
        getStyleClass().add("plot-pane");
        plot.setId("data-plot");
        plot.setTitle("Data space x");
        plot.setAxisTitles("x₁", "x₂");
        plot.setOnDataPressed(p -> {
            if (drawing()) {
                vm.beginStroke(p[0], p[1]);
            } else {
                vm.queryData(p[0], p[1]);
            }
        });
        plot.setOnDataDragged(p -> {
            if (drawing()) {
                vm.continueStroke(p[0], p[1]);
            } else {
                vm.queryData(p[0], p[1]);
            }
        });
        plot.setOnDataReleased(p -> {
            if (drawing()) {
                vm.endStroke();
            }
        });
        setCenter(plot);
        javafx.scene.control.Label hint = new javafx.scene.control.Label(QUERY_HINT);
        vm.drawModeProperty().addListener((o, was, now) -> {
            hint.setText(now == ExplorerViewModel.DrawMode.OFF ? QUERY_HINT : now == ExplorerViewModel.DrawMode.DRAW
                    ? "Draw mode: press and drag to spray points; on release the model trains on them."
                    : "Erase mode: press and drag to remove points; on release the model trains on the rest.");
            shownPoints = null;
            shown = null; // redraw everything, bounds included
            show(vm.getSnapshot());
        });
        vm.sketchPointsProperty().addListener((o, was, now) -> {
            if (drawing()) {
                show(vm.getSnapshot());
            }
        });
        hint.getStyleClass().addAll("text-small", "text-muted");
        hint.setWrapText(true);
        setBottom(hint);
        vm.snapshotProperty().addListener((o, was, now) -> show(now));
        vm.densityVisibleProperty().addListener((o, was, now) -> {
            shown = null;
            show(vm.getSnapshot());
        });
        show(vm.getSnapshot());
    }

    public PlotView plot() {
        return plot;
    }

    /**
     * Lets {@code target} (the window) accept a drop of one .csv of x,y points, imported as custom
     * training data; other drops are refused with a message.
     */
    public static void installDrop(javafx.scene.Node target, ExplorerViewModel vm) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.importDrop(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private boolean drawing() {
        return vm.drawModeProperty().get() != ExplorerViewModel.DrawMode.OFF;
    }

    private void show(Snapshot s) {
        if (s == null || s.view().points() == null) {
            return;
        }
        Snapshot old = shown;
        shown = s;
        float[] pts = drawing() && vm.sketchPointsProperty().get() != null ? vm.sketchPointsProperty().get() : s.view().points();
        if (pts != shownPoints) {
            // while drawing, the sketch shows at once; the worker's points replace it once trained on
            shownPoints = pts;
            plot.setPoints(pts, colors.forData(pts));
        }
        if (old == null || (old.view().dataBounds() != s.view().dataBounds() && !drawing())) {
            Bounds b = s.view().dataBounds();
            plot.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
        }
        Snapshot.Density d = vm.densityVisibleProperty().get() ? s.view().density() : null;
        if (old == null || d != (vm.densityVisibleProperty().get() ? old.view().density() : null)) {
            if (d == null) {
                plot.setHeatmap(null, 0, 0, 0, 0, 0, 0, false);
            } else {
                Bounds b = d.bounds();
                plot.setHeatmap(d.values(), d.width(), d.height(), b.xmin(), b.xmax(), b.ymin(), b.ymax(), false);
            }
            plot.setPointOpacity(d == null ? 0.85 : 0.35);
        }
        if (old == null || old.view().samples() != s.view().samples()) {
            plot.setSamples(s.view().samples() == null ? null : s.view().samples().data(), PlotColors.SAMPLE);
        }
        if (old == null || old.view().query() != s.view().query()) {
            Snapshot.QueryResult q = s.view().query();
            plot.setMarkers(q == null ? List.of()
                    : List.of(new Marker(q.dataX(), q.dataY(), "x", PlotColors.QUERY, q.path())));
        }
    }
}
