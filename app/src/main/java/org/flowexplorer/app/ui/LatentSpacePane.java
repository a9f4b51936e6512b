package org.flowexplorer.app.ui;

import org.flowexplorer.app.scene.Bounds;
import java.util.List;
import javafx.scene.layout.BorderPane;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.chart.BaseContours;
import org.flowexplorer.app.chart.Marker;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.LatentPoints;
import org.flowexplorer.app.viewmodel.ModelSamples;
import org.flowexplorer.app.viewmodel.PlotsViewModel;
import org.flowexplorer.app.viewmodel.QueryPoint;

/** Latent space: the points pushed to z = f(x) over the base distribution's contours; drag to pull a z back. */
public final class LatentSpacePane extends BorderPane {
    private final PlotView plot = new PlotView();
    private final PlotsViewModel plots;
    private final Palette.Cache colors;

    LatentSpacePane(ExplorerViewModel vm, Palette.Cache colors) {
        this.plots = vm.plots();
        this.colors = colors;
        Controls.plotPane(this, plot, "latent-plot", "Latent space z = f(x)", "z₁", "z₂");
        plot.setBaseContours(BaseContours.STANDARD_NORMAL);
        Bounds b = PlotsViewModel.LATENT_BOUNDS;
        plot.setFixedBounds(b.xmin(), b.xmax(), b.ymin(), b.ymax());
        plot.setOnDataPressed(p -> plots.queryLatent(p[0], p[1]));
        plot.setOnDataDragged(p -> plots.queryLatent(p[0], p[1]));
        setBottom(Controls.caption("Drag here to place a latent z and see x = f⁻¹(z); dashed: the base's σ contours."));
        plots.baseComponentsProperty().addListener((o, was, now) -> plot.setBaseContours(BaseContours.of(now)));
        plots.latentPointsProperty().addListener((o, was, now) -> showPoints(now));
        plots.samplesProperty().addListener((o, was, now) -> showSamples(now));
        plots.queryProperty().addListener((o, was, now) -> showQuery(now));
        showPoints(plots.latentPointsProperty().get());
        showSamples(plots.samplesProperty().get());
        showQuery(plots.queryProperty().get());
    }

    public PlotView plot() {
        return plot;
    }

    /** Each point keeps the colour of where it started in data space. */
    private void showPoints(LatentPoints latent) {
        if (latent != null) {
            plot.setPoints(latent.points(), colors.byPosition(latent.origins()));
        }
    }

    private void showSamples(ModelSamples s) {
        plot.setSamples(s == null ? null : s.latent(), Palette.SAMPLE);
    }

    private void showQuery(QueryPoint q) {
        plot.setMarkers(q == null ? List.of() : List.of(new Marker(q.latentX(), q.latentY(), "z", Palette.QUERY)));
    }
}
