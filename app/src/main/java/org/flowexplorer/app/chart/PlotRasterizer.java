package org.flowexplorer.app.chart;

import java.util.Arrays;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * The pixel layers of a {@link PlotView}: heatmap and grid lines into a cached background raster,
 * then samples and points as discs into one premultiplied {@link PixelSurface}. The background is
 * recomputed only when the heatmap, the bounds, the size or a colour changes, so animating 10 000
 * points costs a copy plus the point stamps.
 */
final class PlotRasterizer {
    private final PixelSurface surface = new PixelSurface();
    private int[] background = new int[0];
    private BackgroundKey backgroundKey;

    /** Identity of a cached background raster. */
    private record BackgroundKey(PlotLayers.Heatmap heatmap, double x0, double x1, double y0, double y1, int size,
            Colormaps map, Color bg, Color grid, int ticks) {
    }

    /**
     * Draws {@code layers} over {@code pv} (a viewport in device pixels) and returns the image.
     *
     * @param pixelScale device pixels per logical pixel (disc radii are logical)
     * @param ticks      how many grid lines to aim for per axis
     */
    Image render(PlotLayers layers, Viewport pv, double pixelScale, Color bg, Color grid, int ticks) {
        int size = (int) pv.size();
        surface.resize(size, size);
        BackgroundKey key = new BackgroundKey(layers.heatmap(), pv.xMin(), pv.xMax(), pv.yMin(), pv.yMax(), size,
                layers.colormap(), bg, grid, ticks);
        if (!key.equals(backgroundKey) || background.length != size * size) {
            background = renderBackground(layers, pv, size, bg, grid, ticks);
            backgroundKey = key;
        }
        System.arraycopy(background, 0, surface.pixels(), 0, background.length);
        double r = layers.pointRadius() * pixelScale;
        drawPointSet(pv, layers.samples(), null, layers.sampleColor(), r, layers.pointOpacity());
        drawPointSet(pv, layers.points(), layers.pointArgb(), layers.pointColor(), r, layers.pointOpacity());
        surface.commit();
        return surface.image();
    }

    private static int[] renderBackground(PlotLayers layers, Viewport pv, int size, Color bgColor, Color gridColor,
            int ticks) {
        int[] bg = new int[size * size];
        Arrays.fill(bg, PixelSurface.premultiply(ThemeColors.argb(bgColor)));
        PlotLayers.Heatmap h = layers.heatmap();
        if (h != null) {
            // outside the density grid's extent the plot shows the lowest colour, not the page
            Arrays.fill(bg, PixelSurface.premultiply(layers.colormap().argb(0)));
            HeatmapRaster.render(bg, size, pv, h, layers.colormap());
        }
        int grid = ThemeColors.argb(gridColor);
        int alpha = (grid >>> 24) * (h != null ? 1 : 3) / 4;
        for (double t : pv.xTicks(ticks)) {
            int px = (int) Math.floor(pv.toPixelX(t));
            for (int y = 0; y < size && px >= 0 && px < size; y++) {
                bg[y * size + px] = PixelSurface.blend(bg[y * size + px], grid, alpha);
            }
        }
        for (double t : pv.yTicks(ticks)) {
            int py = (int) Math.floor(pv.toPixelY(t));
            for (int x = 0; x < size && py >= 0 && py < size; x++) {
                bg[py * size + x] = PixelSurface.blend(bg[py * size + x], grid, alpha);
            }
        }
        return bg;
    }

    private void drawPointSet(Viewport pv, float[] xy, int[] colours, int colour, double r, double pointOpacity) {
        if (xy == null) {
            return;
        }
        int opacity = (int) Math.round(pointOpacity * 255);
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int c = colours != null ? colours[i] : colour;
            int a = (c >>> 24) * opacity / 255;
            double px = pv.toPixelX(xy[2 * i]);
            double py = pv.toPixelY(xy[2 * i + 1]);
            surface.blendDisc(px, py, r, a << 24 | (c & 0xFFFFFF));
        }
    }
}
