package org.flowexplorer.app.ui;

import org.flowexplorer.app.view.PointColors;

/** Colours shared by all plots, and the per-point colours computed once per data set. */
final class PlotColors {
    static final int SAMPLE = 0xFFE8590C;
    static final int QUERY = 0xFFCF222E;
    static final int LATENT_SAMPLE = 0xFFE8590C;

    private float[] coloured;
    private int[] colours;

    private PlotColors() {
    }

    static PlotColors create() {
        return new PlotColors();
    }

    /** Colours by data-space position, cached for the same array (points keep their colour through every layer). */
    int[] forData(float[] data) {
        if (data != coloured) {
            coloured = data;
            colours = data == null ? null : PointColors.byPosition().argbFor(data);
        }
        return colours;
    }
}
