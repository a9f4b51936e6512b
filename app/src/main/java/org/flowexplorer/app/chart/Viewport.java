package org.flowexplorer.app.chart;

/**
 * Maps data coordinates to pixels of a square plot area of {@code size} × {@code size} pixels,
 * origin top-left, with the data y axis pointing up.
 *
 * <p>The aspect ratio is kept at 1:1 so that circles in data space (e.g. standard-normal contours)
 * stay circles: the shorter of the two requested data ranges is padded symmetrically to the
 * longer one. Immutable; build a new one when bounds or size change.
 */
public final class Viewport {
    private final double x0;
    private final double y0;
    private final double span;
    private final double size;

    /**
     * @param xmin,xmax,ymin,ymax data bounds that must be visible; degenerate or non-finite
     *                            ranges fall back to a unit range around their centre
     * @param size                side length of the square plot area in pixels (&gt; 0)
     */
    public Viewport(double xmin, double xmax, double ymin, double ymax, double size) {
        if (!(size > 0)) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        double cx = centre(xmin, xmax);
        double cy = centre(ymin, ymax);
        double sx = range(xmin, xmax);
        double sy = range(ymin, ymax);
        double s = Math.max(sx, sy);
        if (!(s > 0) || !Double.isFinite(s)) {
            s = 2;
        }
        this.span = s;
        this.x0 = cx - s / 2;
        this.y0 = cy - s / 2;
        this.size = size;
    }

    private static double centre(double lo, double hi) {
        double c = (lo + hi) / 2;
        return Double.isFinite(c) ? c : 0;
    }

    private static double range(double lo, double hi) {
        double r = hi - lo;
        return Double.isFinite(r) && r > 0 ? r : 0;
    }

    public double size() {
        return size;
    }

    /** Pixels per data unit (identical on both axes). */
    public double scale() {
        return size / span;
    }

    public double xMin() {
        return x0;
    }

    public double xMax() {
        return x0 + span;
    }

    public double yMin() {
        return y0;
    }

    public double yMax() {
        return y0 + span;
    }

    public double toPixelX(double x) {
        return (x - x0) * size / span;
    }

    public double toPixelY(double y) {
        return (y0 + span - y) * size / span;
    }

    public double toDataX(double px) {
        return x0 + px * span / size;
    }

    public double toDataY(double py) {
        return y0 + span - py * span / size;
    }

    /** Nice 1-2-5 ticks along the visible x range, about {@code count} intervals. */
    public double[] xTicks(int count) {
        return Ticks.nice(xMin(), xMax(), count);
    }

    /** Nice 1-2-5 ticks along the visible y range, about {@code count} intervals. */
    public double[] yTicks(int count) {
        return Ticks.nice(yMin(), yMax(), count);
    }

    /** Nice ticks for whichever axis; both share one step because the aspect is 1:1. */
    public double niceTickStep(int count) {
        return Ticks.niceStep(span / Math.max(1, count));
    }
}
