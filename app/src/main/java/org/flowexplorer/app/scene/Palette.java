package org.flowexplorer.app.scene;

import org.flowexplorer.app.view.PointColors;

/**
 * The data colours of every plot, as non-premultiplied ARGB ints, shared by the app's views and
 * {@code render}: training points coloured by their data-space position (so a point keeps its
 * colour through every layer), model samples orange, the query point red.
 */
public final class Palette {
    /** Model samples, in data and latent space. */
    public static final int SAMPLE = 0xFFE8590C;
    /** The query point and its path. */
    public static final int QUERY = 0xFFCF222E;
    /** Opacity of the training points alone, and over a density heatmap (as the data view). */
    public static final double POINT_OPACITY = 0.85;
    public static final double POINT_OPACITY_OVER_DENSITY = 0.35;

    private Palette() {
    }

    /**
     * One colour per point of the data-space array (x0, y0, x1, y1, …): hue by angle around the
     * centroid, saturation by radius; pass the same colours with every later layer's positions.
     */
    public static int[] byPosition(float[] dataXy) {
        // PointColors is pure Java (no JavaFX); it belongs here and can move when the view package is reworked
        return PointColors.byPosition().argbFor(dataXy);
    }
}
