package org.flowexplorer.app.chart;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.LogDetMap;
import org.flowexplorer.app.scene.Palette;

/**
 * A log-det map ({@link LogDetMap}): log|det J| over a plane as a heatmap on a diverging scale
 * centred at 0 (blue: the layer squeezes space there, red: it expands it), a colour bar, the
 * displayed points faintly on top and the query point. The caption names the plane.
 *
 * <p>CSS: style class {@code logdet-map-view}; the shared colours of {@link ChartRegion}.
 */
public class LogDetMapView extends PaintedChart<PlaneContent<LogDetMap>> {
    private static final double BAR = 14;
    private static final double BAR_LABELS = 54;

    public LogDetMapView() {
        super(460, 420, "logdet-map-view", LogDetMapView::new, "Log-det map",
                "Train a 2-D flow: the map appears with the first trace.");
    }

    @Override
    protected void paint(ChartGraphics g, PlaneContent<LogDetMap> content, double width, double height) {
        LogDetMap m = content.data();
        title(g, m.quantity() + (m.cumulative() ? ": layers 1…" + m.layer() + " together" : ": layer " + m.layer()
                + " alone"), 8, 6);
        note(g, "over " + m.plane() + " · blue squeezes, red expands", 8, 22);
        PlanePlot plot = PlanePlot.fit(m.bounds(), width, height, PlanePlot.TOP, BAR + BAR_LABELS + 16);
        double[] values = new double[m.values().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.values()[i];
        }
        DivergingScale scale = DivergingScale.covering(values);
        plot.clip(g);
        paintRaster(g, plot, m, scale);
        plot.points(g, content.points(), 0xFF24292F, 0.22);
        if (content.query() != null) {
            plot.marker(g, content.query()[0], content.query()[1], ThemeColors.color(Palette.QUERY));
        }
        g.restore();
        plot.axes(g, axisColor.get(), textColor.get());
        colourBar(g, scale, plot.x() + plot.side() + 14, plot.y(), plot.side());
    }

    /** The grid as pixels centred on its nodes (so the image reaches half a cell past the outer nodes). */
    private static void paintRaster(ChartGraphics g, PlanePlot plot, LogDetMap m, DivergingScale scale) {
        int w = m.width();
        int h = m.height();
        int[] argb = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                argb[(h - 1 - j) * w + i] = scale.argb(m.values()[j * w + i]);
            }
        }
        Bounds b = m.bounds();
        double hx = b.width() / (w - 1) / 2;
        double hy = b.height() / (h - 1) / 2;
        double x0 = plot.px(b.xmin() - hx);
        double y0 = plot.py(b.ymax() + hy);
        g.drawImage(argb, w, h, x0, y0, plot.px(b.xmax() + hx) - x0, plot.py(b.ymin() - hy) - y0);
    }

    private void colourBar(ChartGraphics g, DivergingScale scale, double x, double y, double h) {
        int n = 128;
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            argb[i] = scale.argb(scale.limit() * (1 - 2.0 * i / (n - 1)));
        }
        g.drawImage(argb, 1, n, x, y, BAR, h);
        ChartAxes.frame(g, axisColor.get(), x, y, BAR, h);
        g.setFont(Font.font(10));
        g.setFill(textColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double f : new double[] {1, 0.5, 0, -0.5, -1}) {
            double v = f * scale.limit();
            double py = y + (1 - f) / 2 * h;
            g.setStroke(axisColor.get());
            g.strokeLine(x + BAR, py, x + BAR + 3, py);
            String label = String.format(Locale.ROOT, "%+.2f", v).replace("+0.00", "0");
            g.fillText(Math.abs(f) == 1 ? (f > 0 ? "≥ " : "≤ ") + label : label, x + BAR + 5, py);
        }
    }
}
