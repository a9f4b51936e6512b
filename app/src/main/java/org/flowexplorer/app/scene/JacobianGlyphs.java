package org.flowexplorer.app.scene;

import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.JacobianChain;

/**
 * Local Jacobian glyphs of the map data → h_k: at each node of a perSide × perSide grid over data
 * space, a small circle of radius {@code radius} and its image under the composed local Jacobian
 * ∂h_k/∂x, an ellipse centred at the node's image h_k. The matrices are analytic
 * ({@link JacobianChain}, each layer's own backward pass), in double precision. Glyphs whose
 * image or matrix is not finite are left out.
 *
 * @param sources  the grid nodes in data space, [n, 2]
 * @param centres  their images h_k, [n, 2]
 * @param matrices ∂h_k/∂x at each node, [n, 2, 2] row-major
 * @param radius   the source circles' radius, in data units
 */
public record JacobianGlyphs(int layer, float[] sources, float[] centres, double[] matrices, double radius) {

    /** Glyphs for layers 1…k over {@code dataBounds}. */
    public static JacobianGlyphs of(RealNVP model, double[] parameters, int k, Bounds dataBounds, int perSide) {
        double[] nodes = new double[2 * perSide * perSide];
        double inset = 0.5 / perSide;
        for (int j = 0; j < perSide; j++) {
            for (int i = 0; i < perSide; i++) {
                int n = j * perSide + i;
                nodes[2 * n] = dataBounds.xmin() + (inset + i / (double) perSide) * dataBounds.width();
                nodes[2 * n + 1] = dataBounds.ymin() + (inset + j / (double) perSide) * dataBounds.height();
            }
        }
        JacobianChain chain = JacobianChain.of(model, parameters, nodes, k);
        double[] images = chain.positions()[k];
        double[] composed = chain.composed();
        int kept = 0;
        float[] src = new float[nodes.length];
        float[] dst = new float[nodes.length];
        double[] mats = new double[2 * nodes.length];
        for (int n = 0; n < nodes.length / 2; n++) {
            if (finite(images, 2 * n, 2) && finite(composed, 4 * n, 4)) {
                src[2 * kept] = (float) nodes[2 * n];
                src[2 * kept + 1] = (float) nodes[2 * n + 1];
                dst[2 * kept] = (float) images[2 * n];
                dst[2 * kept + 1] = (float) images[2 * n + 1];
                System.arraycopy(composed, 4 * n, mats, 4 * kept, 4);
                kept++;
            }
        }
        return new JacobianGlyphs(k, java.util.Arrays.copyOf(src, 2 * kept), java.util.Arrays.copyOf(dst, 2 * kept),
                java.util.Arrays.copyOf(mats, 4 * kept), 0.22 * dataBounds.width() / perSide);
    }

    public int count() {
        return centres.length / 2;
    }

    /** The glyph's outline: {@code segments} points of h_k + J·r·(cos θ, sin θ), [segments, 2]. */
    public double[] ellipse(int glyph, int segments) {
        double[] out = new double[2 * segments];
        double a = matrices[4 * glyph];
        double b = matrices[4 * glyph + 1];
        double c = matrices[4 * glyph + 2];
        double d = matrices[4 * glyph + 3];
        for (int s = 0; s < segments; s++) {
            double th = 2 * Math.PI * s / segments;
            double u = radius * Math.cos(th);
            double v = radius * Math.sin(th);
            out[2 * s] = centres[2 * glyph] + a * u + b * v;
            out[2 * s + 1] = centres[2 * glyph + 1] + c * u + d * v;
        }
        return out;
    }

    /** log|det| of glyph {@code glyph}'s matrix: how much the map scales area there. */
    public double logAbsDet(int glyph) {
        int o = 4 * glyph;
        return Math.log(Math.abs(matrices[o] * matrices[o + 3] - matrices[o + 1] * matrices[o + 2]));
    }

    private static boolean finite(double[] v, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (!Double.isFinite(v[i])) {
                return false;
            }
        }
        return true;
    }
}
