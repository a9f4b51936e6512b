package org.flowexplorer.app.chart;

import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.JacobianGlyphs;
import org.flowexplorer.app.scene.LogDetMap;
import org.flowexplorer.app.scene.Palette;

/**
 * Local Jacobian glyphs ({@link JacobianGlyphs}) in the plane h_k: each ellipse is the image of a
 * small circle around a data-space grid node under ∂h_k/∂x, centred at the node's image, with a
 * spoke for the image of the circle's x₁ direction (so shear and turning show), coloured by
 * log|det| on the diverging scale. The displayed points at h_k are drawn faintly behind.
 *
 * <p>CSS: style class {@code jacobian-glyph-view}; the shared colours of {@link ChartRegion}.
 */
public class JacobianGlyphView extends PaintedChart<PlaneContent<JacobianGlyphs>> {
    private static final int SEGMENTS = 40;

    public JacobianGlyphView() {
        super(460, 420, "jacobian-glyph-view", JacobianGlyphView::new,
                "Jacobian glyphs", "Train a 2-D flow: the glyphs appear with the first trace.");
    }

    @Override
    protected void paint(ChartGraphics g, PlaneContent<JacobianGlyphs> content, double width, double height) {
        JacobianGlyphs gl = content.data();
        int k = gl.layer();
        title(g, "Circles in x, mapped to h" + LogDetMap.sub(k) + " by ∂h" + LogDetMap.sub(k) + "/∂x", 8, 6);
        note(g, "layers 1…" + k + "'s local linear map · blue squeezes, red expands", 8, 22);
        float[] extent = content.points() != null ? content.points() : gl.centres();
        Bounds b = Bounds.squareAround(extent, 0.01, 0.15);
        PlanePlot plot = PlanePlot.fit(b, width, height, PlanePlot.TOP, 14);
        double[] logDets = new double[gl.count()];
        for (int i = 0; i < logDets.length; i++) {
            logDets[i] = gl.logAbsDet(i);
        }
        DivergingScale scale = DivergingScale.covering(logDets);
        plot.clip(g);
        plot.points(g, content.points(), 0xFF57606A, 0.18);
        for (int i = 0; i < gl.count(); i++) {
            double[] e = gl.ellipse(i, SEGMENTS);
            g.setStroke(scale.color(logDets[i]).interpolate(javafx.scene.paint.Color.BLACK, 0.2));
            g.setLineWidth(1.6);
            g.beginPath();
            g.moveTo(plot.px(e[0]), plot.py(e[1]));
            for (int s = 1; s <= SEGMENTS; s++) {
                int j = s % SEGMENTS;
                g.lineTo(plot.px(e[2 * j]), plot.py(e[2 * j + 1]));
            }
            g.stroke();
            g.setLineWidth(1);
            g.strokeLine(plot.px(gl.centres()[2 * i]), plot.py(gl.centres()[2 * i + 1]), plot.px(e[0]), plot.py(e[1]));
        }
        if (content.query() != null) {
            plot.marker(g, content.query()[0], content.query()[1], ThemeColors.color(Palette.QUERY));
        }
        g.restore();
        plot.axes(g, axisColor.get(), textColor.get());
    }
}
