package org.flowexplorer.app.prefs;

/**
 * The main window's last position and size in screen coordinates, and whether it was maximised.
 * The app restores the size only, cut to the screen it opens on ({@code AppConfig.fittedTo}).
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The smallest size the app restores; anything smaller is treated as not remembered. */
    public static final double MIN_SIZE = 200;

    public WindowBounds {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width >= MIN_SIZE) || !(height >= MIN_SIZE)
                || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("unusable window bounds " + x + "," + y + " " + width + "x" + height);
        }
    }
}
