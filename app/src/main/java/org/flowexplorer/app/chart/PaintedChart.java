package org.flowexplorer.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A chart drawn by one painting routine through {@link ChartGraphics}: on screen into a canvas
 * filling the region, and for SVG into the vector writer, so the two can never differ. Its data is
 * one immutable value of type T (null: nothing to show yet), shared with its export copy.
 *
 * @param <T> what the chart shows
 */
public abstract class PaintedChart<T> extends ChartRegion {
    private final Canvas canvas = new Canvas();
    private final java.util.function.Supplier<? extends PaintedChart<T>> factory;
    private final String[] empty;
    private T content;

    /**
     * @param styleClass its CSS style class
     * @param factory    makes a new, empty chart of the same kind (for the export copy)
     * @param empty      the title and the hint shown while there is no content; none: {@link #paint}
     *                   is called whatever the content (a chart made of other charts)
     */
    protected PaintedChart(double prefWidth, double prefHeight, String styleClass,
            java.util.function.Supplier<? extends PaintedChart<T>> factory, String... empty) {
        super(prefWidth, prefHeight);
        this.factory = factory;
        this.empty = empty;
        getStyleClass().add(styleClass);
        canvas.setMouseTransparent(true);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> scheduler.markDirty());
        canvas.heightProperty().addListener(o -> scheduler.markDirty());
        getChildren().add(canvas);
        setMinSize(160, 120);
    }

    /** Replaces what the chart shows (null: a hint instead); redraws once per pulse. */
    public void setContent(T value) {
        content = value;
        scheduler.markDirty();
    }

    public T getContent() {
        return content;
    }

    /** Draws {@code c} (null only without an empty hint) over a width × height area whose background is filled. */
    protected abstract void paint(ChartGraphics g, T c, double width, double height);

    @Override
    protected final ChartRegion copyForExport() {
        PaintedChart<T> copy = factory.get();
        copy.content = content;
        return copy;
    }

    @Override
    protected void layoutChildren() {
        scheduler.flush();
    }

    @Override
    protected void redraw() {
        canvas.getGraphicsContext2D().clearRect(0, 0, getWidth(), getHeight());
        paintPage(new FxChartGraphics(canvas.getGraphicsContext2D()), getWidth(), getHeight());
    }

    @Override
    protected boolean paintExport(ChartGraphics g, int width, int height) {
        paintPage(g, width, height);
        return true;
    }

    /** The background, then the chart: what screen and export both draw. */
    void paintPage(ChartGraphics g, double width, double height) {
        g.setFill(plotBackground.get());
        g.fillRect(0, 0, width, height);
        if (content != null || empty.length == 0) {
            paint(g, content, width, height);
        } else if (empty.length == 2) {
            title(g, empty[0], 8, 6);
            text(g, empty[1], width / 2, height / 2, Font.font(12), axisColor.get(), TextAlignment.CENTER, VPos.CENTER);
        }
    }

    /** The chart's title, bold, top-left. */
    protected void title(ChartGraphics g, String text, double x, double y) {
        text(g, text, x, y, Font.font(null, FontWeight.BOLD, 13), textColor.get(), TextAlignment.LEFT, VPos.TOP);
    }

    /** A line of smaller muted text, top-left at (x, y). */
    protected void note(ChartGraphics g, String text, double x, double y) {
        text(g, text, x, y, Font.font(11), axisColor.get(), TextAlignment.LEFT, VPos.TOP);
    }

    private static void text(ChartGraphics g, String s, double x, double y, Font font, Color colour, TextAlignment align,
            VPos baseline) {
        g.setFont(font);
        g.setFill(colour);
        g.setTextAlign(align);
        g.setTextBaseline(baseline);
        g.fillText(s, x, y);
    }
}
