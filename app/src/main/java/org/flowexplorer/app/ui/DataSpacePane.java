package org.flowexplorer.app.ui;

import org.flowexplorer.app.scene.Bounds;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.chart.Marker;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.viewmodel.DrawMode;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.FilesViewModel;
import org.flowexplorer.app.viewmodel.Heatmap;
import org.flowexplorer.app.viewmodel.ModelSamples;
import org.flowexplorer.app.viewmodel.PlotsViewModel;
import org.flowexplorer.app.viewmodel.QueryPoint;
import org.flowexplorer.app.viewmodel.SketchViewModel;

/** Data space: the training points, optional model density, model samples and the query point. */
public final class DataSpacePane extends BorderPane {
    private static final String QUERY_HINT = "Drag here to place a point x and see its z = f(x) and its path through the layers.";
    private final PlotView plot = new PlotView();
    private final PlotsViewModel plots;
    private final SketchViewModel sketch;
    private final Palette.Cache colors;
    private float[] shownPoints;

    DataSpacePane(ExplorerViewModel vm, Palette.Cache colors) {
        this.plots = vm.plots();
        this.sketch = vm.sketch();
        this.colors = colors;
        Controls.plotPane(this, plot, "data-plot", "Data space x", "x₁", "x₂");
        plot.setOnDataPressed(p -> {
            if (sketch.drawing()) {
                sketch.beginStroke(p[0], p[1]);
            } else {
                plots.queryData(p[0], p[1]);
            }
        });
        plot.setOnDataDragged(p -> {
            if (sketch.drawing()) {
                sketch.continueStroke(p[0], p[1]);
            } else {
                plots.queryData(p[0], p[1]);
            }
        });
        plot.setOnDataReleased(p -> {
            if (sketch.drawing()) {
                sketch.endStroke();
            }
        });
        Label hint = Controls.caption(QUERY_HINT);
        setBottom(hint);
        sketch.drawModeProperty().addListener((o, was, now) -> {
            hint.setText(now == DrawMode.OFF ? QUERY_HINT : now == DrawMode.DRAW
                    ? "Draw mode: press and drag to spray points; on release the model trains on them."
                    : "Erase mode: press and drag to remove points; on release the model trains on the rest.");
            showPoints();
            showBounds(plots.dataBoundsProperty().get()); // bounds stood still while drawing
        });
        sketch.sketchPointsProperty().addListener((o, was, now) -> showPoints());
        plots.dataPointsProperty().addListener((o, was, now) -> showPoints());
        plots.dataBoundsProperty().addListener((o, was, now) -> {
            if (!sketch.drawing()) {
                showBounds(now);
            }
        });
        plots.densityProperty().addListener((o, was, now) -> showDensity(now));
        plots.samplesProperty().addListener((o, was, now) -> showSamples(now));
        plots.queryProperty().addListener((o, was, now) -> showQuery(now));
        showPoints();
        showBounds(plots.dataBoundsProperty().get());
        showDensity(plots.densityProperty().get());
        showSamples(plots.samplesProperty().get());
        showQuery(plots.queryProperty().get());
    }

    public PlotView plot() {
        return plot;
    }

    /**
     * Lets {@code target} (the window) accept a drop of one .csv of x,y points, imported as custom
     * training data; other drops are refused with a message.
     */
    public static void installDrop(javafx.scene.Node target, ExplorerViewModel vm) {
        FilesViewModel files = vm.files();
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<java.nio.file.Path> dropped = e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList();
                if (FilesViewModel.dropImports(dropped)) { // the points replace the model: ask first if it is unsaved
                    ConfirmDiscard.of(vm).replacing(target, "Importing the dropped " + dropped.get(0).getFileName(),
                            () -> files.importDrop(dropped));
                } else {
                    files.importDrop(dropped); // explains why nothing is imported
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** While drawing, the sketch shows at once; the worker's points replace it once trained on. */
    private void showPoints() {
        float[] drawn = sketch.sketchPointsProperty().get();
        float[] pts = sketch.drawing() && drawn != null ? drawn : plots.dataPointsProperty().get();
        if (pts != null && pts != shownPoints) {
            shownPoints = pts;
            plot.setPoints(pts, colors.byPosition(pts));
        }
    }

    private void showBounds(Bounds b) {
        if (b != null) {
            plot.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
        }
    }

    private void showDensity(Heatmap d) {
        if (d == null) {
            plot.setHeatmap(null, 0, 0, 0, 0, 0, 0, false);
        } else {
            Bounds b = d.bounds();
            plot.setHeatmap(d.values(), d.width(), d.height(), b.xmin(), b.xmax(), b.ymin(), b.ymax(), false);
        }
        plot.setPointOpacity(d == null ? 0.85 : 0.35);
    }

    private void showSamples(ModelSamples s) {
        plot.setSamples(s == null ? null : s.data(), Palette.SAMPLE);
    }

    private void showQuery(QueryPoint q) {
        plot.setMarkers(q == null ? List.of() : List.of(new Marker(q.dataX(), q.dataY(), "x", Palette.QUERY, q.path())));
    }
}
