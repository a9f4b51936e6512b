package org.flowexplorer.app.viewmodel;

/** The model density p(x) on a width×height grid over {@code bounds}, row-major, row 0 at ymin. */
public record Heatmap(float[] values, int width, int height, PlotBounds bounds) {
}
