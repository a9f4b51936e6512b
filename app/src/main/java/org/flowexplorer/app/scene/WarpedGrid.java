package org.flowexplorer.app.scene;

import java.util.Arrays;

/**
 * The grid the layer views bend: {@code lines} vertical and {@code lines} horizontal lines over a
 * data-space box, {@code perLine} points each, pushed through the flow like the data.
 */
public final class WarpedGrid {
    private WarpedGrid() {
    }

    /** The grid's points in data space: the vertical lines first, then the horizontal ones ([2·lines·perLine, 2]). */
    public static float[] points(Bounds b, int lines, int perLine) {
        float[] out = new float[2 * 2 * lines * perLine];
        int k = 0;
        for (int dir = 0; dir < 2; dir++) {
            for (int i = 0; i < lines; i++) {
                double fixed = lines == 1 ? 0.5 : i / (double) (lines - 1);
                for (int j = 0; j < perLine; j++) {
                    double along = j / (double) (perLine - 1);
                    double u = dir == 0 ? fixed : along;
                    double v = dir == 0 ? along : fixed;
                    out[k++] = (float) (b.xmin() + u * b.width());
                    out[k++] = (float) (b.ymin() + v * b.height());
                }
            }
        }
        return out;
    }

    /** Cuts the (moved) grid points back into {@code polylineCount} polylines of {@code perLine} points. */
    public static float[][] polylines(float[] xy, int polylineCount, int perLine) {
        float[][] out = new float[polylineCount][];
        for (int i = 0; i < polylineCount; i++) {
            out[i] = Arrays.copyOfRange(xy, 2 * i * perLine, 2 * (i + 1) * perLine);
        }
        return out;
    }
}
