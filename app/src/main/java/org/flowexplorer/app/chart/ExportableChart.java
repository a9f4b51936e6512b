package org.flowexplorer.app.chart;

import javafx.scene.image.WritableImage;

/**
 * A view that draws its own exports at any size, from an offscreen copy, leaving the window
 * untouched. The exporters ask the view instead of testing for each class. FX thread.
 */
public interface ExportableChart {
    /** The view re-laid-out alone at {@code width}×{@code height} logical pixels, snapshotted at {@code scale}. */
    WritableImage snapshotImage(int width, int height, double scale);

    /**
     * Paints the view as vector drawing, laid out like {@link #snapshotImage} at scale 1, and
     * returns true; false (painting nothing) for a view made of styled nodes, which the SVG
     * exporter then walks in {@link #exportCopy}.
     */
    boolean paintVector(ChartGraphics g, int width, int height);

    /** A laid-out, redrawn copy of the view at {@code width}×{@code height}, in a scene of its own. */
    javafx.scene.layout.Region exportCopy(int width, int height);

    /** The page colour of the exports: the theme's plot background. */
    javafx.scene.paint.Color exportBackground();
}
