package org.flowexplorer.app.ui;

import java.util.List;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.scene.Bounds;
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
        Bounds b = Bounds.LATENT;
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
        if (s == null || s.view().trace() == null) {
            return;
        }
        Snapshot old = shown;
        shown = s;
        if (old == null || old.view().trace() != s.view().trace()) {
            Snapshot.Trace t = s.view().trace();
            plot.setPoints(t.positions()[t.layers()], colors.forData(s.view().points()));
        }
        if (old == null || old.view().samples() != s.view().samples()) {
            plot.setSamples(s.view().samples() == null ? null : s.view().samples().latent(), PlotColors.LATENT_SAMPLE);
        }
        if (old == null || old.view().query() != s.view().query()) {
            Snapshot.QueryResult q = s.view().query();
            plot.setMarkers(q == null ? List.of()
                    : List.of(new Marker(q.latentX(), q.latentY(), "z", PlotColors.QUERY)));
        }
    }
}
