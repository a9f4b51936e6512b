package org.flowexplorer.app.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The loss chart's marker of the step the replay timeline shows: a vertical line through the plot
 * with "step N" at its top, on the side with room.
 */
final class StepMarker {
    private static final Font FONT = Font.font(11);

    private StepMarker() {
    }

    /** Draws the marker at pixel column {@code x} of a plot from {@code left} to {@code right}, {@code top} to {@code bottom}. */
    static void draw(ChartGraphics g, long step, double x, double left, double right, double top, double bottom,
            Color colour) {
        double at = Math.round(x) + 0.5;
        g.setStroke(colour);
        g.setLineWidth(1.5);
        g.strokeLine(at, top, at, bottom);
        String text = "step " + step;
        boolean roomRight = right - at > Legend.textWidth(text, FONT) + 8;
        g.setFill(colour);
        g.setFont(FONT);
        g.setTextAlign(roomRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, roomRight ? at + 4 : at - 4, top + 3);
    }
}
