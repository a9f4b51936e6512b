package org.flowexplorer.app.cli;

import java.util.Arrays;
import java.util.List;
import org.flowexplorer.app.chart.JacobianGlyphView;
import org.flowexplorer.app.chart.JacobianPanel;
import org.flowexplorer.app.chart.LogDetMapView;
import org.flowexplorer.app.chart.PlaneContent;
import org.flowexplorer.app.chart.StackedCharts;
import org.flowexplorer.app.chart.WaterfallChart;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.LayerAnatomy;
import org.flowexplorer.app.scene.QueryAnatomy;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;

/**
 * {@code render --view logdet|jacobian --layer K}: the "Log-det &amp; Jacobian" tab's charts for
 * coupling K (1…L) from the same scene data as the window ({@link LayerAnatomy}, the worker's
 * sizes): logdet is layer K's log-det map over its input plane above the query point's waterfall;
 * jacobian is the glyphs of data → h_K above the query point's Jacobians. The query point is the
 * coordinate-wise median of the shown points (the data, or model samples).
 */
final class LayerAnatomyRender {
    static final List<String> VIEWS = List.of("logdet", "logdet-cumulative", "jacobian");
    private static final int MAP_RESOLUTION = 96;
    private static final int GLYPHS_PER_SIDE = 9;

    private LayerAnatomyRender() {
    }

    /**
     * The view's node builder, computed here on the calling thread.
     *
     * @param points the points to show (data or samples), [n, 2]
     * @param layer  --layer, or null for 1
     */
    static RenderCommand.Scene scene(RenderCommand cmd, String view, RealNVP flow, float[] points, Integer layer) {
        int layers = flow.layers().size();
        int k = layer == null ? 1 : layer;
        if (k < 1 || k > layers) {
            throw cmd.usage("--layer for --view " + view + " is the coupling, 1 to " + layers + ", got " + k);
        }
        FlowTrace t = flow.traceForward(points);
        Bounds input = Bounds.squareAround(t.positions()[k - 1], 0.01, 0.15);
        LayerAnatomy.Request r = new LayerAnatomy.Request(k, input, Bounds.ofData(points), MAP_RESOLUTION,
                MAP_RESOLUTION, GLYPHS_PER_SIDE);
        LayerAnatomy a = LayerAnatomy.of(flow, r, t.positions(), median(points));
        QueryAnatomy q = a.query();
        boolean cumulative = view.equals("logdet-cumulative");
        return () -> {
            if (view.equals("jacobian")) {
                JacobianGlyphView glyphs = new JacobianGlyphView();
                glyphs.setContent(new PlaneContent<>(a.glyphs(), a.outputs(), q == null ? null : q.positions()[k]));
                JacobianPanel panel = new JacobianPanel();
                panel.setContent(q);
                return new StackedCharts(glyphs, panel, 0.62);
            }
            LogDetMapView map = new LogDetMapView();
            double[] at = q == null ? null : q.positions()[cumulative ? 0 : k - 1];
            map.setContent(new PlaneContent<>(cumulative ? a.cumulative() : a.perLayer(),
                    cumulative ? a.data() : a.inputs(), at));
            WaterfallChart waterfall = new WaterfallChart();
            waterfall.setContent(q);
            return new StackedCharts(map, waterfall, 0.62);
        };
    }

    /** The coordinate-wise median of [n, 2] points. */
    static double[] median(float[] xy) {
        int n = xy.length / 2;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        Arrays.sort(xs);
        Arrays.sort(ys);
        return new double[] {xs[n / 2], ys[n / 2]};
    }
}
