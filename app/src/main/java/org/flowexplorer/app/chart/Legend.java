package org.flowexplorer.app.chart;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Legend entries drawn in a row: a short line (solid or dashed) in the series colour, then its name. */
final class Legend {
    private Legend() {
    }

    /**
     * Draws one entry with its line starting at x, centred on y (the caller sets font, left
     * alignment and centre baseline) and returns the x where the next entry starts.
     */
    static double entry(ChartGraphics g, double x, double y, Color colour, boolean dashed, String text, Color textColor,
            Font font) {
        g.setStroke(colour);
        g.setLineWidth(2);
        if (dashed) {
            g.setLineDashes(4, 3);
        }
        g.strokeLine(x, y, x + 18, y);
        g.setLineDashes();
        g.setFill(textColor);
        g.fillText(text, x + 24, y);
        return x + 24 + textWidth(text, font) + 16;
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
