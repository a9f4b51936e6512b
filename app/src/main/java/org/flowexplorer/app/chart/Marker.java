package org.flowexplorer.app.chart;

/**
 * A labelled point drawn on a {@link PlotView}, optionally with the path it took (e.g. a latent
 * point pushed back through every layer). Arrays are treated as immutable once handed over.
 *
 * @param x     data x of the marker
 * @param y     data y of the marker
 * @param label text drawn beside the marker; may be null or empty
 * @param argb  non-premultiplied ARGB colour of marker and path
 * @param path  x,y pairs drawn as a polyline with a dot at each vertex; null for none
 */
public record Marker(double x, double y, String label, int argb, float[] path) {
    /** A marker without a path. */
    public Marker(double x, double y, String label, int argb) {
        this(x, y, label, argb, null);
    }

    public Marker {
        if (path != null && path.length % 2 != 0) {
            throw new IllegalArgumentException("path needs x,y pairs, got length " + path.length);
        }
    }
}
