package org.flowexplorer.app.chart;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A premultiplied-ARGB raster shared with a {@link WritableImage} through a {@link PixelBuffer}.
 * Drawing thousands of points happens on the plain {@code int[]}; {@link #commit()} then tells
 * JavaFX the whole image changed, which costs one texture upload instead of thousands of Canvas
 * calls. Not thread-safe; use on the FX thread.
 */
final class PixelSurface {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    /** Reallocates the raster when the size changes; returns true if it did. */
    boolean resize(int w, int h) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (image != null && w == width && h == height) {
            return false;
        }
        width = w;
        height = h;
        pixels = new int[w * h];
        buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(buffer);
        return true;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The raster, premultiplied ARGB, row-major, row 0 at the top. */
    int[] pixels() {
        return pixels;
    }

    WritableImage image() {
        return image;
    }

    void fill(int argbPre) {
        Arrays.fill(pixels, argbPre);
    }

    /** Publishes the raster to the image (whole area dirty). */
    void commit() {
        if (buffer != null) {
            buffer.updateBuffer(b -> null);
        }
    }

    /**
     * Blends an anti-aliased filled disc of the given non-premultiplied ARGB colour, centred at the
     * sub-pixel position (cx, cy), with coverage falling off over the last half pixel of the radius.
     */
    void blendDisc(double cx, double cy, double radius, int argb) {
        int alpha = argb >>> 24;
        if (alpha == 0 || !(cx > -radius - 1 && cy > -radius - 1 && cx < width + radius + 1
                && cy < height + radius + 1)) {
            return;
        }
        double outer = radius + 0.5;
        int xa = Math.max(0, (int) Math.floor(cx - outer));
        int xb = Math.min(width - 1, (int) Math.ceil(cx + outer));
        int ya = Math.max(0, (int) Math.floor(cy - outer));
        int yb = Math.min(height - 1, (int) Math.ceil(cy + outer));
        double outer2 = outer * outer;
        double inner = Math.max(0, radius - 0.5);
        double inner2 = inner * inner;
        long source = sourceLanes(argb);
        for (int y = ya; y <= yb; y++) {
            double dy = y + 0.5 - cy;
            int row = y * width;
            for (int x = xa; x <= xb; x++) {
                double dx = x + 0.5 - cx;
                double d2 = dx * dx + dy * dy;
                if (d2 >= outer2) {
                    continue;
                }
                int a = d2 <= inner2 ? alpha : (int) (alpha * (outer - Math.sqrt(d2)));
                if (a > 0) {
                    pixels[row + x] = blendLanes(pixels[row + x], source, a);
                }
            }
        }
    }

    private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;
    private static final long ONES = 0x0001000100010001L;
    private static final long ROUNDING = 127 * ONES;

    /** The four bytes of {@code c} (A, R, G, B) in the four 16-bit lanes of a long. */
    private static long lanes(int c) {
        return ((long) (c >>> 24) << 48) | ((long) ((c >> 16) & 0xFF) << 32) | ((long) ((c >> 8) & 0xFF) << 16) | (c & 0xFF);
    }

    /**
     * A non-premultiplied colour as {@link #blendLanes} takes it: alpha lane 255, so that the same
     * {@code (s·a + d·(255 − a) + 127) / 255} gives {@code a + (da·(255 − a) + 127) / 255} there.
     */
    private static long sourceLanes(int srcArgb) {
        return lanes(srcArgb | 0xFF000000);
    }

    /**
     * {@link #blend} on all four channels at once (one multiply per operand instead of four, and the
     * division by 255 as {@code (v + 1 + (v >> 8)) >> 8}, exact for the v ≤ 65 152 that occur here):
     * the point layers blend about 40 pixels per disc, 10 000 discs per plot and frame.
     */
    private static int blendLanes(int dstPre, long source, int a) {
        long v = source * a + lanes(dstPre) * (255 - a) + ROUNDING;
        long q = ((v + ONES + ((v >>> 8) & LOW_BYTES)) >>> 8) & LOW_BYTES;
        return (int) (q >>> 48) << 24 | ((int) (q >>> 32) & 0xFF) << 16 | ((int) (q >>> 16) & 0xFF) << 8 | ((int) q & 0xFF);
    }

    /** Source-over of a non-premultiplied colour with alpha {@code a} (0-255) onto a premultiplied pixel. */
    static int blend(int dstPre, int srcArgb, int a) {
        return blendLanes(dstPre, sourceLanes(srcArgb), a);
    }

    /** {@link #blend} channel by channel, as it is written down: what the packed form must equal. */
    static int blendPerChannel(int dstPre, int srcArgb, int a) {
        int inv = 255 - a;
        int da = dstPre >>> 24;
        int dr = (dstPre >> 16) & 0xFF;
        int dg = (dstPre >> 8) & 0xFF;
        int db = dstPre & 0xFF;
        int oa = a + (da * inv + 127) / 255;
        int or = (((srcArgb >> 16) & 0xFF) * a + dr * inv + 127) / 255;
        int og = (((srcArgb >> 8) & 0xFF) * a + dg * inv + 127) / 255;
        int ob = ((srcArgb & 0xFF) * a + db * inv + 127) / 255;
        return oa << 24 | or << 16 | og << 8 | ob;
    }

    /** Converts a non-premultiplied ARGB colour to premultiplied. */
    static int premultiply(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb;
        }
        int r = (((argb >> 16) & 0xFF) * a + 127) / 255;
        int g = (((argb >> 8) & 0xFF) * a + 127) / 255;
        int b = ((argb & 0xFF) * a + 127) / 255;
        return a << 24 | r << 16 | g << 8 | b;
    }
}
