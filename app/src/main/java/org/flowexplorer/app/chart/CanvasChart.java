package org.flowexplorer.app.chart;

import javafx.scene.canvas.Canvas;

/**
 * A chart painted on one canvas by one routine, {@link #paint}, which the screen and the vector
 * export share: the canvas follows the chart's size and is repainted once per pulse.
 */
abstract class CanvasChart extends ChartRegion {
    private final Canvas canvas = new Canvas();

    CanvasChart(double prefWidth, double prefHeight) {
        super(prefWidth, prefHeight);
        getChildren().add(canvas);
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
