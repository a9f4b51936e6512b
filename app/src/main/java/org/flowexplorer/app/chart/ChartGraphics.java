package org.flowexplorer.app.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The drawing operations the plot views use, so one painting routine can target the screen (a
 * Canvas {@link javafx.scene.canvas.GraphicsContext}) and vector export (an SVG writer in
 * {@code org.flowexplorer.app.export}). Method names and semantics follow GraphicsContext; the
 * state set by the setters, transforms and clips are undone by {@link #restore()}.
 */
public interface ChartGraphics {
    void save();

    void restore();

    void translate(double x, double y);

    /** Rotates by {@code degrees} clockwise (screen coordinates, y down). */
    void rotate(double degrees);

    /** Intersects the clip with this rectangle (current coordinates) until the matching {@link #restore()}. */
    void clipRect(double x, double y, double w, double h);

    void setStroke(Color c);

    void setFill(Color c);

    void setLineWidth(double w);

    /** Dash pattern; no arguments for solid lines. */
    void setLineDashes(double... dashes);

    void setFont(Font f);

    Font getFont();

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void strokeLine(double x1, double y1, double x2, double y2);

    void strokeRect(double x, double y, double w, double h);

    void fillRect(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void fillOval(double x, double y, double w, double h);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    /** Strokes the path built since {@link #beginPath()}. */
    void stroke();

    void fillText(String text, double x, double y);

    void strokeText(String text, double x, double y);

    /**
     * Draws a raster (non-premultiplied ARGB, row-major, row 0 at the top) of {@code w}×{@code h}
     * pixels scaled into the rectangle (x, y, dw, dh), smoothed.
     */
    void drawImage(int[] argb, int w, int h, double x, double y, double dw, double dh);

    /**
     * Filled discs of radius {@code r} centred at (cx[i], cy[i]) for i &lt; n, each in
     * {@code argb[i]} (or all in {@code colour} when {@code argb} is null), with {@code opacity}
     * multiplied into the colours' alpha.
     */
    void fillDiscs(double[] cx, double[] cy, int n, double r, int[] argb, int colour, double opacity);
}
