package org.flowexplorer.app.chart;

import javafx.scene.canvas.Canvas;

/**
 * A chart of one immutable value painted on one canvas by one routine, {@link #paint}, which the
 * screen and the vector export share: the canvas follows the chart's size and is repainted once
 * per pulse; the export copy is a {@link #blank()} chart showing the same value.
 *
 * @param <T> what the chart shows (null: nothing yet)
 */
public abstract class CanvasChart<T> extends ChartRegion {
    private final Canvas canvas = new Canvas();
    private T value;

    CanvasChart(double prefWidth, double prefHeight, String styleClass) {
        super(prefWidth, prefHeight);
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
    }

    /** A new, empty chart of the same kind. */
    abstract CanvasChart<T> blank();

    /** What to show; null shows a hint that there is nothing yet. */
    public final void show(T v) {
        value = v;
        scheduler.markDirty();
    }

    final T shown() {
        return value;
    }

    @Override
    protected ChartRegion copyForExport() {
        CanvasChart<T> copy = blank();
        copy.show(value);
        return copy;
    }

    /** Paints everything, background included, into a {@code w}×{@code h} area. */
    abstract void paint(ChartGraphics g, double w, double h);

    @Override
    protected boolean paintExport(ChartGraphics g, int width, int height) {
        paint(g, width, height);
        return true;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            scheduler.markDirty();
        }
        scheduler.flush();
    }

    @Override
    protected void redraw() {
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        paint(new FxChartGraphics(canvas.getGraphicsContext2D()), canvas.getWidth(), canvas.getHeight());
    }
}
