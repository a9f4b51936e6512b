package org.flowexplorer.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A chart drawn by one painting routine through {@link ChartGraphics}: on screen into a canvas
 * filling the region, and for SVG into the vector writer, so the two can never differ. Subclasses
 * hold their data in one immutable value and implement {@link #paint}.
 */
public abstract class PaintedChart extends ChartRegion {
    private final Canvas canvas = new Canvas();

    protected PaintedChart(double prefWidth, double prefHeight) {
        super(prefWidth, prefHeight);
        canvas.setMouseTransparent(true);
        getChildren().add(canvas);
        setMinSize(160, 120);
    }

    /** Draws the chart over a width × height area whose background is already filled. */
    protected abstract void paint(ChartGraphics g, double width, double height);

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            scheduler.markDirty();
        }
        scheduler.flush();
    }

    @Override
    protected void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        FxChartGraphics g = new FxChartGraphics(gc);
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, w, h);
        paint(g, w, h);
    }

    @Override
    protected boolean paintExport(ChartGraphics g, int width, int height) {
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, width, height);
        paint(g, width, height);
        return true;
    }

    /** The chart's title, bold, top-left. */
    protected void title(ChartGraphics g, String text, double x, double y) {
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setFill(textColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, y);
    }

    /** A line of smaller muted text, top-left at (x, y). */
    protected void note(ChartGraphics g, String text, double x, double y) {
        g.setFont(Font.font(11));
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, y);
    }

    /** A centred message where there is nothing to draw yet. */
    protected void placeholder(ChartGraphics g, String text, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, w / 2, h / 2);
    }
}
