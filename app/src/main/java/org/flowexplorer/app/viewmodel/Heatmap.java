package org.flowexplorer.app.viewmodel;

import org.flowexplorer.app.scene.Bounds;

/** The model density p(x) on a width×height grid over {@code bounds}, row-major, row 0 at ymin. */
public record Heatmap(float[] values, int width, int height, Bounds bounds) {
}
