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
public class JacobianGlyphView extends PaintedChart {
    private static final int SEGMENTS = 40;
    private static final double TOP = 40;

    /**
     * @param glyphs the glyphs, or null
     * @param points the displayed points at h_k, or null
     * @param query  the query point's h_k {x, y}, or null
     */
    public record Content(JacobianGlyphs glyphs, float[] points, double[] query) {
        public static final Content EMPTY = new Content(null, null, null);
    }

    private Content content = Content.EMPTY;

    public JacobianGlyphView() {
        super(460, 420);
        getStyleClass().add("jacobian-glyph-view");
    }

    public void setContent(Content c) {
        content = c == null ? Content.EMPTY : c;
        scheduler.markDirty();
    }

    public Content getContent() {
        return content;
    }

    @Override
    protected ChartRegion copyForExport() {
        JacobianGlyphView copy = new JacobianGlyphView();
        copy.content = content;
        return copy;
    }

    @Override
    protected void paint(ChartGraphics g, double width, double height) {
        JacobianGlyphs gl = content.glyphs();
        if (gl == null || gl.count() == 0) {
            title(g, "Jacobian glyphs", 8, 6);
            placeholder(g, "Train a 2-D flow: the glyphs appear with the first trace.", width, height);
            return;
        }
        int k = gl.layer();
        title(g, "Circles in x, mapped to h" + LogDetMap.sub(k) + " by ∂h" + LogDetMap.sub(k) + "/∂x", 8, 6);
        note(g, "the local linear map of layers 1…" + k + " · colour: log|det| (blue squeezes, red expands)", 8, 22);
        float[] extent = content.points() != null ? content.points() : gl.centres();
        Bounds b = Bounds.squareAround(extent, 0.01, 0.15);
        PlanePlot plot = PlanePlot.fit(b, width, height, TOP, 14);
        double maxAbs = 0;
        for (int i = 0; i < gl.count(); i++) {
            maxAbs = Math.max(maxAbs, Math.abs(gl.logAbsDet(i)));
        }
        DivergingScale scale = DivergingScale.around(maxAbs);
        plot.clip(g);
        plot.points(g, content.points(), 0xFF57606A, 0.18);
        for (int i = 0; i < gl.count(); i++) {
            double[] e = gl.ellipse(i, SEGMENTS);
            g.setStroke(scale.color(gl.logAbsDet(i)).darker());
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
