package org.flowexplorer.app.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import org.flowexplorer.app.chart.Viewport;
import org.flowexplorer.app.scene.LayerInterpolation;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.scene.WarpedGrid;

/**
 * What the layer stepper shows besides the points, for the {@link LayerAnimation} frames: the data
 * grid pushed through every layer, the query point with its path through the layers, and the axis
 * titles. Drawn like the stepper view draws them (PlotPainter): grid lines in the warp colour at
 * 55 % opacity, the path as a polyline with a dot per layer, the point as a ringed disc with its
 * label. Arrays are not copied; do not mutate them.
 *
 * @param grid              the grid's points after every layer (index 0 data … L latent), or null
 * @param gridPolylines     how many polylines the grid's points form (vertical and horizontal)
 * @param gridPointsPerLine points on each polyline
 * @param queryPath         the query point after every layer (L+1 x,y pairs), or null
 * @param queryLabel        its label ("x" when placed in data space, "z" in latent space), or null
 * @param xTitle            below the x axis, or null
 * @param yTitle            left of the y axis, or null
 */
public record StepperOverlays(float[][] grid, int gridPolylines, int gridPointsPerLine, float[] queryPath,
        String queryLabel, String xTitle, String yTitle) {
    /** The stepper's axis titles, no grid, no query point. */
    public static final StepperOverlays AXES = new StepperOverlays(null, 0, 0, null, null, "h₁", "h₂");

    private static final Color WARP = new Color(0x09, 0x69, 0xda, 140);
    private static final Color TEXT = new Color(0x24292f);

    public StepperOverlays {
        if (grid != null) {
            for (float[] l : grid) {
                if (l.length != 2 * gridPolylines * gridPointsPerLine) {
                    throw new IllegalArgumentException("grid layers need " + gridPolylines + " × " + gridPointsPerLine
                            + " points, got length " + l.length);
                }
            }
        }
        if (queryPath != null && (queryPath.length < 4 || queryPath.length % 2 != 0)) {
            throw new IllegalArgumentException("the query path needs x,y pairs for at least two layers");
        }
    }

    /** The same overlays with other axis titles. */
    public StepperOverlays withTitles(String x, String y) {
        return new StepperOverlays(grid, gridPolylines, gridPointsPerLine, queryPath, queryLabel, x, y);
    }

    /** Throws unless the grid and the path have one entry per layer of a trace with {@code layers} + 1 positions. */
    void requireLayers(int layers) {
        if (grid != null && grid.length != layers + 1) {
            throw new IllegalArgumentException("grid has " + grid.length + " layers, points have " + (layers + 1));
        }
        if (queryPath != null && queryPath.length != 2 * (layers + 1)) {
            throw new IllegalArgumentException("query path has " + queryPath.length / 2 + " layers, points have "
                    + (layers + 1));
        }
    }

    boolean hasTitles() {
        return xTitle != null && !xTitle.isBlank() || yTitle != null && !yTitle.isBlank();
    }

    /** The warped grid at {@code position}, under the points; the caller has clipped to the plot. */
    void drawGrid(Graphics2D g, Viewport vp, double px0, double py0, double position, boolean smooth) {
        if (grid == null) {
            return;
        }
        g.setColor(WARP);
        g.setStroke(new BasicStroke(0.8f));
        for (float[] line : WarpedGrid.polylines(LayerInterpolation.at(grid, position, smooth), gridPolylines,
                gridPointsPerLine)) {
            g.draw(polyline(line, vp, px0, py0));
        }
    }

    /** The query path (every layer) and the point where it is at {@code position}, over the points. */
    void drawQuery(Graphics2D g, Viewport vp, double px0, double py0, double position, Color background) {
        if (queryPath == null) {
            return;
        }
        Color c = new Color(Palette.QUERY, true);
        g.setColor(c);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(polyline(queryPath, vp, px0, py0));
        for (int i = 0; i + 1 < queryPath.length; i += 2) {
            g.fill(new Ellipse2D.Double(px0 + vp.toPixelX(queryPath[i]) - 2.5, py0 + vp.toPixelY(queryPath[i + 1]) - 2.5,
                    5, 5));
        }
        float[] at = LayerInterpolation.alongPath(queryPath, position);
        double x = px0 + vp.toPixelX(at[0]);
        double y = py0 + vp.toPixelY(at[1]);
        Ellipse2D disc = new Ellipse2D.Double(x - 6, y - 6, 12, 12);
        g.fill(disc);
        g.setColor(background);
        g.setStroke(new BasicStroke(2f));
        g.draw(disc);
        if (queryLabel != null && !queryLabel.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            float baseline = (float) (y + (g.getFontMetrics().getAscent() - g.getFontMetrics().getDescent()) / 2.0);
            g.setColor(TEXT);
            g.drawString(queryLabel, (float) (x + 10), baseline);
        }
    }

    /** The axis titles: x centred below the tick labels, y rotated left of them. */
    void drawTitles(Graphics2D g, double px0, double py0, double side) {
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        var fm = g.getFontMetrics();
        if (xTitle != null && !xTitle.isBlank()) {
            g.drawString(xTitle, (float) (px0 + side / 2 - fm.stringWidth(xTitle) / 2.0),
                    (float) (py0 + side + 20 + fm.getAscent()));
        }
        if (yTitle != null && !yTitle.isBlank()) {
            var saved = g.getTransform();
            g.translate(px0 - 40, py0 + side / 2 + fm.stringWidth(yTitle) / 2.0); // baseline left of the tick labels
            g.rotate(-Math.PI / 2);
            g.drawString(yTitle, 0f, 0f);
            g.setTransform(saved);
        }
    }

    private static Path2D polyline(float[] xy, Viewport vp, double px0, double py0) {
        Path2D.Double p = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            if (!Float.isFinite(xy[i]) || !Float.isFinite(xy[i + 1])) {
                open = false;
                continue;
            }
            double x = px0 + vp.toPixelX(xy[i]);
            double y = py0 + vp.toPixelY(xy[i + 1]);
            if (open) {
                p.lineTo(x, y);
            } else {
                p.moveTo(x, y);
                open = true;
            }
        }
        return p;
    }
}
