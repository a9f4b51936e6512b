package org.flowexplorer.app.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Legend entries drawn in rows: a short line (solid or dashed) in the series colour, then its name.
 * Rows wrap inside the room they are given, so a legend never runs under a control in the corner
 * or off the chart; an entry too long for a row is cut with an ellipsis.
 */
final class Legend {
    static final double ROW_HEIGHT = 20;
    private static final double SAMPLE = 18;
    private static final double GAP = 6;
    private static final double SPACING = 14;

    private Legend() {
    }

    /** One entry: {@code colour} null for a note without a line sample. */
    record Item(Color colour, boolean dashed, String text) {
    }

    /** An entry placed at (x, centre y) with its possibly shortened text. */
    record Placed(Item item, double x, double y, String text, double width) {
    }

    /**
     * Places the items in rows starting at (left, first row's centre y): the first row ends at
     * {@code firstRowRight} (left of a corner control), later rows at {@code right}.
     */
    static List<Placed> layout(List<Item> items, double left, double y, double firstRowRight, double right, Font font) {
        List<Placed> out = new ArrayList<>();
        double x = left;
        double rowRight = firstRowRight;
        for (Item item : items) {
            double lead = item.colour() == null ? 0 : SAMPLE + GAP;
            double w = lead + textWidth(item.text(), font);
            if (x > left && x + w > rowRight) {
                x = left;
                y += ROW_HEIGHT;
                rowRight = right;
            }
            String text = fit(item.text(), rowRight - x - lead, font);
            w = lead + textWidth(text, font);
            out.add(new Placed(item, x, y, text, w));
            x += w + SPACING;
        }
        return out;
    }

    /** How many rows a layout uses. */
    static int rows(List<Placed> placed) {
        return placed.isEmpty() ? 0 : (int) Math.round((placed.get(placed.size() - 1).y() - placed.get(0).y())
                / ROW_HEIGHT) + 1;
    }

    /** The box the placed entries cover (empty at the origin when none). */
    static Bounds bounds(List<Placed> placed) {
        if (placed.isEmpty()) {
            return new BoundingBox(0, 0, 0, 0);
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (Placed p : placed) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x() + p.width());
        }
        double top = placed.get(0).y() - ROW_HEIGHT / 2;
        return new BoundingBox(minX, top, maxX - minX, rows(placed) * ROW_HEIGHT);
    }

    /** Each entry's box: its line sample and text, one text line high. */
    static List<Bounds> entryBounds(List<Placed> placed) {
        List<Bounds> out = new ArrayList<>();
        for (Placed p : placed) {
            out.add(new BoundingBox(p.x(), p.y() - 8, p.width(), 16));
        }
        return out;
    }

    /** Draws placed entries; notes without a line take {@code noteColour}. */
    static void draw(ChartGraphics g, List<Placed> placed, Color textColour, Color noteColour, Font font) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Placed p : placed) {
            if (p.item().colour() == null) {
                g.setFill(noteColour);
                g.fillText(p.text(), p.x(), p.y());
            } else {
                entry(g, p.x(), p.y(), p.item().colour(), p.item().dashed(), p.text(), textColour, font);
            }
        }
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
        g.strokeLine(x, y, x + SAMPLE, y);
        g.setLineDashes();
        g.setFill(textColor);
        g.fillText(text, x + SAMPLE + GAP, y);
        return x + SAMPLE + GAP + textWidth(text, font) + 16;
    }

    /** {@code s}, or its longest prefix with "…" that fits {@code room} pixels. */
    static String fit(String s, double room, Font font) {
        if (textWidth(s, font) <= room) {
            return s;
        }
        int n = s.length();
        while (n > 1 && textWidth(s.substring(0, n) + "…", font) > room) {
            n--;
        }
        return s.substring(0, n) + "…";
    }

    static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
