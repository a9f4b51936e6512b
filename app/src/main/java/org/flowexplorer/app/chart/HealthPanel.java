package org.flowexplorer.app.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.flowexplorer.app.scene.HealthSummary;
import org.flowexplorer.model.eval.LayerHealth;

/**
 * The numerical-health panel: the training and round-trip figures with a coloured dot each, a
 * table of every layer's max |s|, saturated share and log-det range (a bar shows max |s| against
 * the bound 2), and the warnings, amber or red, each a wrapped line with its reason. Painted
 * through {@link ChartGraphics}, so the SVG export is vector.
 */
public class HealthPanel extends CanvasChart<HealthSummary> {
    static final Color OK = Color.web("#1a7f37");
    static final Color AMBER = Color.web("#bf8700");
    static final Color RED = Color.web("#cf222e");
    private static final double PAD = 12;
    private static final double ROW = 19;
    private static final Font BODY = Font.font(12);
    private static final Font BOLD = Font.font(null, FontWeight.BOLD, 12);

    public HealthPanel() {
        super(420, 420, "health-panel");
    }

    @Override
    CanvasChart<HealthSummary> blank() {
        return new HealthPanel();
    }

    static Color colour(HealthSummary.Level level) {
        return switch (level) {
            case OK -> OK;
            case AMBER -> AMBER;
            case RED -> RED;
        };
    }

    @Override
    void paint(ChartGraphics g, double w, double h) {
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, w, h);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setFill(textColor.get());
        double y = PAD + 8;
        g.fillText("Numerical health", PAD, y);
        if (shown() == null) {
            g.setFont(BODY);
            g.fillText("Nothing measured yet.", PAD, y + ROW * 1.5);
            return;
        }
        HealthSummary.Level worst = shown().worst();
        g.setFill(colour(worst));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(worst == HealthSummary.Level.OK ? "all fine" : shown().warnings().size() + " warning"
                + (shown().warnings().size() == 1 ? "" : "s"), w - PAD, y);
        g.setTextAlign(TextAlignment.LEFT);
        y += ROW * 1.3;
        double labelW = 0;
        for (HealthSummary.Figure f : shown().figures()) {
            labelW = Math.max(labelW, textWidth(f.label(), BODY));
        }
        double valueX = PAD + 14 + labelW + 12;
        boolean stacked = w - valueX < 150; // too narrow for label and value side by side: value under its label
        for (HealthSummary.Figure f : shown().figures()) {
            dot(g, f.level(), PAD + 4, y);
            g.setFont(BODY);
            g.setFill(axisColor.get());
            g.fillText(f.label(), PAD + 14, y);
            if (stacked) {
                y += ROW - 3;
            }
            g.setFill(textColor.get());
            g.fillText(f.value(), stacked ? PAD + 28 : valueX, y);
            y += ROW;
        }
        if (!shown().layers().isEmpty()) {
            y = layerTable(g, w, y + ROW * 0.4);
        }
        warnings(g, w, h, y + ROW * 0.4);
    }

    private double layerTable(ChartGraphics g, double w, double y) {
        String sat = String.format(Locale.ROOT, "|s| > %.1f", LayerHealth.SATURATED);
        boolean bars = w > 400; // the max |s| bars only where the log-det column still fits
        double[] col = {PAD + 14, PAD + 58, 0, 0};
        col[2] = col[1] + textWidth("max |s|", BOLD) + (bars ? 70 : 14);
        col[3] = col[2] + textWidth(sat, BOLD) + 14;
        g.setFont(BOLD);
        g.setFill(textColor.get());
        g.fillText("layer", col[0], y);
        g.fillText("max |s|", col[1], y);
        g.fillText(sat, col[2], y);
        g.fillText("log|det J| range", col[3], y); // short: the table fits a 330-px panel at 1024×768
        y += ROW;
        g.setFont(BODY);
        for (HealthSummary.LayerRow r : shown().layers()) {
            dot(g, r.level(), PAD + 4, y);
            g.setFill(textColor.get());
            g.fillText(Integer.toString(r.layer()), col[0], y);
            if (bars) {
                double bx = col[1] + 38;
                g.setFill(gridLineColor.get());
                g.fillRect(bx, y - 4, 50, 8);
                g.setFill(colour(r.level()));
                g.fillRect(bx, y - 4, 50 * Math.min(1, r.maxAbsScale() / 2), 8);
            }
            g.setFill(textColor.get());
            g.fillText(String.format(Locale.ROOT, "%.2f", r.maxAbsScale()), col[1], y);
            g.fillText(String.format(Locale.ROOT, "%.1f %%", 100 * r.saturatedShare()), col[2], y);
            g.fillText(String.format(Locale.ROOT, "%.2f … %.2f", r.logDetMin(), r.logDetMax()), col[3], y);
            y += ROW;
        }
        return y;
    }

    private void warnings(ChartGraphics g, double w, double h, double y) {
        g.setFont(BOLD);
        g.setFill(textColor.get());
        g.fillText(shown().warnings().isEmpty() ? "No warnings." : "Warnings", PAD, y);
        y += ROW;
        g.setFont(BODY);
        for (HealthSummary.Warning warn : shown().warnings()) {
            List<String> lines = wrap(warn.text(), BODY, w - 2 * PAD - 18);
            g.setFill(colour(warn.level()));
            g.fillRect(PAD, y - 7, 8, 8 + (lines.size() - 1) * 16);
            g.setFill(textColor.get());
            for (String line : lines) {
                if (y > h - 6) {
                    return;
                }
                g.fillText(line, PAD + 16, y);
                y += 16;
            }
            y += 4;
        }
    }

    private static void dot(ChartGraphics g, HealthSummary.Level level, double cx, double cy) {
        g.setFill(colour(level));
        g.fillOval(cx - 4, cy - 4, 8, 8);
    }

    private static double textWidth(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    /** {@code text} broken at spaces into lines no wider than {@code width} in {@code font}. */
    static List<String> wrap(String text, Font font, double width) {
        Text measure = new Text();
        measure.setFont(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            measure.setText(next);
            if (line.length() > 0 && measure.getLayoutBounds().getWidth() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(next);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
