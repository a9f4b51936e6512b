package org.flowexplorer.app.prefs;

/**
 * The main window's last position and size in screen coordinates, and whether it was maximised.
 * Before applying it the app fits it to the screen ({@link #fittedTo}).
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The smallest size the app restores; anything smaller is treated as not remembered. */
    public static final double MIN_SIZE = 200;

    /**
     * These bounds moved and cut to lie inside the screen area {@code (x, y, width, height)}, e.g. the
     * visual bounds of a projector smaller than the monitor they were remembered on.
     */
    public WindowBounds fittedTo(double areaX, double areaY, double areaWidth, double areaHeight) {
        double w = Math.max(MIN_SIZE, Math.min(width, areaWidth));
        double h = Math.max(MIN_SIZE, Math.min(height, areaHeight));
        double nx = Math.max(areaX, Math.min(x, areaX + areaWidth - w));
        double ny = Math.max(areaY, Math.min(y, areaY + areaHeight - h));
        return new WindowBounds(nx, ny, w, h, maximized);
    }

    public WindowBounds {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width >= MIN_SIZE) || !(height >= MIN_SIZE)
                || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("unusable window bounds " + x + "," + y + " " + width + "x" + height);
        }
    }
}
