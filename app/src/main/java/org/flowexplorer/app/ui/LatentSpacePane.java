package org.flowexplorer.app.ui;

import java.util.List;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.view.Marker;
import org.flowexplorer.app.view.PlotView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.Snapshot;

/** Latent space: the points pushed to z = f(x) over the N(0, I) contours; drag to pull a z back. */
public final class LatentSpacePane extends BorderPane {
    private final PlotView plot = new PlotView();
    private final PlotColors colors;
    private Snapshot shown;

    LatentSpacePane(ExplorerViewModel vm, PlotColors colors) {
        this.colors = colors;
        getStyleClass().add("plot-pane");
        plot.setId("latent-plot");
        plot.setTitle("Latent space z = f(x)");
        plot.setAxisTitles("z₁", "z₂");
        plot.setGaussianContours(true);
        Snapshot.Bounds b = Snapshot.Bounds.LATENT;
        plot.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
        plot.setOnDataPressed(p -> vm.queryLatent(p[0], p[1]));
        plot.setOnDataDragged(p -> vm.queryLatent(p[0], p[1]));
        setCenter(plot);
        javafx.scene.control.Label hint = new javafx.scene.control.Label("Drag here to place a latent z and see x = f⁻¹(z); dashed circles: 1, 2, 3 σ of N(0, I).");
        hint.getStyleClass().addAll("text-small", "text-muted");
        hint.setWrapText(true);
        setBottom(hint);
        vm.snapshotProperty().addListener((o, was, now) -> show(now));
        show(vm.getSnapshot());
    }

    public PlotView plot() {
        return plot;
    }

    private void show(Snapshot s) {
        if (s == null || s.trace() == null) {
            return;
        }
        Snapshot old = shown;
        shown = s;
        if (old == null || old.trace() != s.trace()) {
            Snapshot.Trace t = s.trace();
            plot.setPoints(t.positions()[t.layers()], colors.forData(s.points()));
        }
        if (old == null || old.samples() != s.samples()) {
            plot.setSamples(s.samples() == null ? null : s.samples().latent(), PlotColors.LATENT_SAMPLE);
        }
        if (old == null || old.query() != s.query()) {
            Snapshot.QueryResult q = s.query();
            plot.setMarkers(q == null ? List.of()
                    : List.of(new Marker(q.latentX(), q.latentY(), "z", PlotColors.QUERY)));
        }
    }
}
