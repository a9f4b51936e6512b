package org.flowexplorer.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** {@link ChartGraphics} on a Canvas's GraphicsContext (screen drawing). */
final class FxChartGraphics implements ChartGraphics {
    private final GraphicsContext g;

    FxChartGraphics(GraphicsContext g) {
        this.g = g;
    }

    @Override
    public void save() {
        g.save();
    }

    @Override
    public void restore() {
        g.restore();
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(degrees);
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.beginPath();
    }

    @Override
    public void setStroke(Color c) {
        g.setStroke(c);
    }

    @Override
    public void setFill(Color c) {
        g.setFill(c);
    }

    @Override
    public void setLineWidth(double w) {
        g.setLineWidth(w);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes);
    }

    @Override
    public void setFont(Font f) {
        g.setFont(f);
    }

    @Override
    public Font getFont() {
        return g.getFont();
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        g.setTextAlign(align);
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        g.setTextBaseline(baseline);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void beginPath() {
        g.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        g.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        g.lineTo(x, y);
    }

    @Override
    public void stroke() {
        g.stroke();
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void strokeText(String text, double x, double y) {
        g.strokeText(text, x, y);
    }

    @Override
    public void drawImage(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        g.setImageSmoothing(true);
        g.drawImage(img, x, y, dw, dh);
    }

    @Override
    public void fillDiscs(double[] cx, double[] cy, int n, double r, int[] argb, int colour, double opacity) {
        for (int i = 0; i < n; i++) {
            int c = argb != null ? argb[i] : colour;
            g.setFill(ThemeColors.color(c).deriveColor(0, 1, 1, opacity));
            g.fillOval(cx[i] - r, cy[i] - r, 2 * r, 2 * r);
        }
    }
}
