package org.flowexplorer.app.ui;

import org.flowexplorer.model.flow.SplineShape;

/** The tooltips of the spline-shape fields, shared by the settings form and the compare side-B form. */
final class SettingsTips {
    static final String BINS = "Spline bins K (2 to " + SplineShape.MAX_BINS + "; default " + SplineShape.DEFAULT.bins()
            + "): the spline has K pieces on [−B, B]; the network emits 3K − 1 numbers per bent coordinate (K widths, "
            + "K heights, K − 1 inner slopes). More bins bend more finely and cost more weights.";
    static final String TAIL_BOUND = "Tail bound B (above 0, at most " + (int) SplineShape.MAX_BOUND + "; default "
            + (int) SplineShape.DEFAULT.bound() + "): the spline acts on [−B, B] and is the identity outside; "
            + "B should cover where the points are at every layer.";

    private SettingsTips() {
    }
}
