package org.flowexplorer.model.teach;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.RationalQuadraticSpline;
import org.flowexplorer.model.flow.SplineCoupling;

/**
 * The monotone spline y = g(x) one spline coupling applies to one transformed coordinate, for one
 * value of its conditioning coordinates (the query point's at that layer): the K + 1 knots with
 * their slopes, the curve sampled over [−1.25·B, 1.25·B] (the tails are the identity) and where the
 * point itself sits on it. Every number comes from the layer's own spline. Immutable.
 *
 * @param coordinate the transformed coordinate (index into the layer's D)
 * @param bound      B: the spline acts on [−B, B]
 * @param knotXs     x_0 = −B … x_K = B
 * @param knotYs     y_0 = −B … y_K = B
 * @param knotSlopes d_0 = 1 … d_K = 1
 * @param xs         sample inputs, increasing
 * @param ys         g at each sample
 * @param at         the point's value of {@code coordinate} at the layer's input (x_B)
 * @param value      g(at)
 * @param bin        the bin of {@code at}, 0…K−1, or −1 in a tail
 */
public record SplineCurve(int coordinate, double bound, double[] knotXs, double[] knotYs, double[] knotSlopes, double[] xs,
        double[] ys, double at, double value, int bin) {
    public static final int DEFAULT_POINTS = 161;

    /**
     * The curves of {@code layer} (one per transformed coordinate) with its conditioner run on
     * {@code layerInput}; empty unless the layer is a {@link SplineCoupling}.
     *
     * @param parameters the flow's parameters
     * @param layerInput the layer's input, [D]: its conditioning coordinates choose the splines, its
     *                   transformed ones are marked on them
     */
    public static List<SplineCurve> of(CouplingLayer layer, double[] parameters, double[] layerInput, int points) {
        if (!(layer instanceof SplineCoupling spline)) {
            return List.of();
        }
        int[] transformed = layer.mask().transformedIndices();
        List<RationalQuadraticSpline> gs = spline.splinesAt(parameters, layerInput);
        List<SplineCurve> out = new ArrayList<>();
        for (int j = 0; j < transformed.length; j++) {
            out.add(of(gs.get(j), transformed[j], layerInput[transformed[j]], points));
        }
        return List.copyOf(out);
    }

    static SplineCurve of(RationalQuadraticSpline g, int coordinate, double at, int points) {
        double b = g.bound(), lo = -1.25 * b, hi = 1.25 * b;
        double[] xs = new double[points], ys = new double[points];
        for (int i = 0; i < points; i++) {
            xs[i] = lo + (hi - lo) * i / (points - 1);
            ys[i] = g.forward(xs[i]);
        }
        RationalQuadraticSpline.Knots knots = g.knots();
        return new SplineCurve(coordinate, b, knots.xs(), knots.ys(), knots.slopes(), xs, ys, at, g.forward(at), g.binOf(at));
    }

    /** K. */
    public int bins() {
        return knotXs.length - 1;
    }
}
