package org.flowexplorer.app.ui;

import java.util.List;
import javafx.scene.layout.BorderPane;
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

    DataSpacePane(ExplorerViewModel vm, PlotColors colors) {
        this.vm = vm;
        this.colors = colors;
        getStyleClass().add("plot-pane");
        plot.setId("data-plot");
        plot.setTitle("Data space x");
        plot.setAxisTitles("x₁", "x₂");
        plot.setOnDataPressed(p -> vm.queryData(p[0], p[1]));
        plot.setOnDataDragged(p -> vm.queryData(p[0], p[1]));
        setCenter(plot);
        javafx.scene.control.Label hint = new javafx.scene.control.Label("Drag here to place a point x and see its z = f(x) and its path through the layers.");
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

    private void show(Snapshot s) {
        if (s == null || s.points() == null) {
            return;
        }
        Snapshot old = shown;
        shown = s;
        if (old == null || old.points() != s.points()) {
            plot.setPoints(s.points(), colors.forData(s.points()));
            Snapshot.Bounds b = s.dataBounds();
            plot.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
        }
        Snapshot.Density d = vm.densityVisibleProperty().get() ? s.density() : null;
        if (old == null || d != (vm.densityVisibleProperty().get() ? old.density() : null)) {
            if (d == null) {
                plot.setHeatmap(null, 0, 0, 0, 0, 0, 0, false);
            } else {
                Snapshot.Bounds b = d.bounds();
                plot.setHeatmap(d.values(), d.width(), d.height(), b.xmin(), b.xmax(), b.ymin(), b.ymax(), false);
            }
            plot.setPointOpacity(d == null ? 0.85 : 0.35);
        }
        if (old == null || old.samples() != s.samples()) {
            plot.setSamples(s.samples() == null ? null : s.samples().data(), PlotColors.SAMPLE);
        }
        if (old == null || old.query() != s.query()) {
            Snapshot.QueryResult q = s.query();
            plot.setMarkers(q == null ? List.of()
                    : List.of(new Marker(q.dataX(), q.dataY(), "x", PlotColors.QUERY, q.path())));
        }
    }
}
