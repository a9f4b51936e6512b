package org.flowexplorer.app.viewmodel;

/** An axis-aligned box a plot shows, in the plot's own space. */
public record PlotBounds(double xmin, double xmax, double ymin, double ymax) {
    /** (1−f)·this + f·other, corner by corner. */
    public PlotBounds lerp(PlotBounds other, double f) {
        return new PlotBounds(xmin + f * (other.xmin - xmin), xmax + f * (other.xmax - xmax),
                ymin + f * (other.ymin - ymin), ymax + f * (other.ymax - ymax));
    }
}
