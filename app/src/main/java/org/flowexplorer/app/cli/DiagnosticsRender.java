package org.flowexplorer.app.cli;

import org.flowexplorer.app.chart.ConditionerCurvesView;
import org.flowexplorer.app.chart.HealthPanel;
import org.flowexplorer.app.scene.HealthSummary;
import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.ConditionerCurves;

/**
 * {@code render --view conditioner|health}: the "Conditioners &amp; health" tab's two views from a
 * model file, computed as the worker computes them (same model classes, same probe size). A saved
 * model is not training, so the health panel has no gradient, clipping or step-time figures.
 */
final class DiagnosticsRender {
    static final String CONDITIONER = "conditioner";
    static final String HEALTH = "health";
    /** Points of the round-trip probe, as in the app's worker. */
    private static final int PROBE = 512;

    private DiagnosticsRender() {
    }

    static boolean handles(String view) {
        return view.equals(CONDITIONER) || view.equals(HEALTH);
    }

    /**
     * The view's scene, computed here on the caller's thread.
     *
     * @param points the data shown (already traced by nobody), [n, 2]
     * @param layer  --layer: for the conditioner the coupling 1 … L (default 1)
     */
    static RenderCommand.Scene prepare(CliCommand command, String view, RealNVP flow, float[] points, Integer layer) {
        FlowTrace trace = flow.traceForward(points);
        if (view.equals(HEALTH)) {
            HealthSummary summary = HealthSummary.of(LayerHealth.of(flow, trace, PROBE), null, Double.NaN, null);
            return () -> {
                HealthPanel p = new HealthPanel();
                p.show(summary);
                return p;
            };
        }
        int couplings = flow.layers().size();
        int k = layer == null ? 1 : layer;
        if (k < 1 || k > couplings) {
            throw command.usage("--layer for --view conditioner is the coupling 1 … " + couplings + ", got " + k);
        }
        ConditionerCurves curves = ConditionerCurves.of(flow, trace, k - 1, null, ConditionerCurves.DEFAULT_POINTS,
                ConditionerCurves.DEFAULT_BINS);
        return () -> {
            ConditionerCurvesView v = new ConditionerCurvesView();
            v.show(curves);
            return v;
        };
    }
}
