package org.flowexplorer.app.export;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.flowexplorer.app.scene.LayerInterpolation;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.chart.Ticks;
import org.flowexplorer.app.chart.Viewport;
import org.flowexplorer.model.flow.FlowTrace;

/**
 * The layer animation as a sequence of still frames: points interpolated from layer 0 (data) to
 * layer L (latent) with {@link LayerInterpolation#at}, each point keeping the colour of its
 * data-space position ({@link Palette#byPosition}), drawn on a fixed square plot with axes,
 * ticks, axis titles and a caption "layer k of L", with what the stepper shows besides the points
 * ({@link StepperOverlays}: the warped grid under them, the query point and its path over them).
 *
 * <p><b>Frames.</b> {@link #frameCount()} = L × framesPerLayer + 1 + 2 × holdFrames: frame
 * {@code holdFrames + i} shows layer position i / framesPerLayer for i = 0 … L × framesPerLayer
 * (so both end states are included exactly), preceded by {@code holdFrames} copies of the data
 * frame and followed by {@code holdFrames} copies of the latent frame (a pause at both ends when
 * the animation loops).
 *
 * <p><b>Threading.</b> Frames are drawn with Java2D into BufferedImages straight from the point
 * arrays, so {@link #renderFrame(int)} needs no FX toolkit and runs on any thread (a UI runs the
 * whole export on a background task and reports progress). The look follows PlotView's default
 * light theme (same tick algorithm, colours and point style), but it is not a snapshot of a view.
 * Immutable and thread-safe.
 */
public final class LayerAnimation implements AnimationExport.Frames {
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color AXIS = new Color(0x57606a);
    private static final Color TEXT = new Color(0x24292f);
    private static final Color GRID = new Color(0xd8, 0xde, 0xe4, 191);
    private static final double MARGIN_FRACTION = 0.06;

    /**
     * @param width          frame width in logical pixels
     * @param height         frame height in logical pixels
     * @param scale          pixel density (the image is width·scale × height·scale)
     * @param framesPerLayer frames from one layer to the next (≥ 1)
     * @param holdFrames     extra copies of the first and of the last frame (≥ 0)
     * @param frameDelayMs   display time of each frame in a GIF (rounded to 10 ms, ≥ 20 ms)
     * @param pointRadius    disc radius in logical pixels
     * @param title          text above the caption, or null
     * @param smooth         ease each layer-to-layer move (smoothstep) instead of moving linearly
     */
    public record Options(int width, int height, double scale, int framesPerLayer, int holdFrames, int frameDelayMs,
            double pointRadius, String title, boolean smooth) {
        public Options {
            if (width < 50 || height < 50 || width > 4000 || height > 4000) {
                throw new IllegalArgumentException("frame size must be between 50 and 4000 pixels, got " + width + "x" + height);
            }
            if (!(scale >= 0.5 && scale <= 4)) {
                throw new IllegalArgumentException("scale must be between 0.5 and 4, got " + scale);
            }
            if (framesPerLayer < 1 || framesPerLayer > 1000) {
                throw new IllegalArgumentException("framesPerLayer must be between 1 and 1000, got " + framesPerLayer);
            }
            if (holdFrames < 0 || holdFrames > 1000) {
                throw new IllegalArgumentException("holdFrames must be between 0 and 1000, got " + holdFrames);
            }
            if (frameDelayMs < 20 || frameDelayMs > 60_000) {
                throw new IllegalArgumentException("frameDelayMs must be between 20 and 60000, got " + frameDelayMs);
            }
            if (!(pointRadius > 0 && pointRadius <= 10)) {
                throw new IllegalArgumentException("pointRadius must be in (0, 10], got " + pointRadius);
            }
        }

        /** 480×480 at 1×, 12 frames per layer, 6 hold frames, 50 ms per frame, radius 1.8, no title, eased. */
        public static Options defaults() {
            return new Options(480, 480, 1, 12, 6, 50, 1.8, null, true);
        }

        public Options withSize(int w, int h, double s) {
            return new Options(w, h, s, framesPerLayer, holdFrames, frameDelayMs, pointRadius, title, smooth);
        }

        public Options withFrames(int perLayer, int hold, int delayMs) {
            return new Options(width, height, scale, perLayer, hold, delayMs, pointRadius, title, smooth);
        }

        public Options withTitle(String text) {
            return new Options(width, height, scale, framesPerLayer, holdFrames, frameDelayMs, pointRadius, text, smooth);
        }
    }

    private final float[][] layers;
    private final int[] colours;
    private final Options options;
    private final StepperOverlays overlays;
    private final double[] bounds;

    /**
     * The points with the stepper's axis titles ({@link StepperOverlays#AXES}), no grid, no query point.
     *
     * @param positionsPerLayer L+1 arrays of x,y pairs of equal length (index 0 data, L latent); not copied, do not mutate
     * @param colours           one ARGB per point, or null to colour by data-space position
     */
    public LayerAnimation(float[][] positionsPerLayer, int[] colours, Options options) {
        this(positionsPerLayer, colours, StepperOverlays.AXES, options);
    }

    /**
     * @param positionsPerLayer L+1 arrays of x,y pairs of equal length (index 0 data, L latent); not copied, do not mutate
     * @param colours           one ARGB per point, or null to colour by data-space position
     * @param overlays          the warped grid, query path and axis titles, each frame as the stepper shows them
     */
    public LayerAnimation(float[][] positionsPerLayer, int[] colours, StepperOverlays overlays, Options options) {
        if (positionsPerLayer.length < 2) {
            throw new IllegalArgumentException("need at least two layers (data and latent), got " + positionsPerLayer.length);
        }
        int len = positionsPerLayer[0].length;
        if (len == 0 || len % 2 != 0) {
            throw new IllegalArgumentException("points need x,y pairs, got length " + len);
        }
        for (float[] l : positionsPerLayer) {
            if (l.length != len) {
                throw new IllegalArgumentException("all layers need the same number of points");
            }
        }
        if (colours != null && colours.length != len / 2) {
            throw new IllegalArgumentException(colours.length + " colours for " + len / 2 + " points");
        }
        this.layers = positionsPerLayer;
        this.colours = colours != null ? colours : Palette.byPosition(positionsPerLayer[0]);
        overlays.requireLayers(positionsPerLayer.length - 1);
        this.options = options;
        this.overlays = overlays;
        this.bounds = robustBounds(positionsPerLayer);
    }

    /** The animation of a traced batch (positions[l] for l = 0 … L), coloured by data-space position. */
    public static LayerAnimation of(FlowTrace trace, Options options) {
        if (trace.dim() != 2) {
            throw new IllegalArgumentException("the layer animation needs 2-D points, got " + trace.dim() + "-D");
        }
        return new LayerAnimation(trace.positions(), null, options);
    }

    public Options options() {
        return options;
    }

    /** Number of coupling layers L. */
    public int layerCount() {
        return layers.length - 1;
    }

    /** L × framesPerLayer + 1 + 2 × holdFrames. */
    @Override
    public int frameDelayMs() {
        return options.frameDelayMs();
    }

    @Override
    public int frameCount() {
        return frameCount(layerCount(), options.framesPerLayer(), options.holdFrames());
    }

    /** The documented frame count formula. */
    public static int frameCount(int layers, int framesPerLayer, int holdFrames) {
        return layers * framesPerLayer + 1 + 2 * holdFrames;
    }

    /** Layer position (0 … L) shown by frame {@code index}. */
    public double positionOf(int index) {
        if (index < 0 || index >= frameCount()) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frameCount());
        }
        int i = Math.max(0, Math.min(layerCount() * options.framesPerLayer(), index - options.holdFrames()));
        return (double) i / options.framesPerLayer();
    }

    /** Pixel size of each frame: width·scale × height·scale, rounded. */
    public int pixelWidth() {
        return (int) Math.round(options.width() * options.scale());
    }

    public int pixelHeight() {
        return (int) Math.round(options.height() * options.scale());
    }

    /** Draws frame {@code index} into a new opaque RGB image; any thread. */
    public BufferedImage renderFrame(int index) {
        double position = positionOf(index);
        float[] xy = LayerInterpolation.at(layers, position, options.smooth());
        BufferedImage img = new BufferedImage(pixelWidth(), pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(options.scale(), options.scale());
            draw(g, xy, position);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The caption of a frame: "layer k of L", with "(data)" / "(latent)" at the ends, as the scrubber shows it. */
    public String caption(double position) {
        int l = layerCount();
        int k = (int) Math.round(position);
        String where = k == 0 ? " (data)" : k == l ? " (latent)" : "";
        return "layer " + k + " of " + l + where;
    }

    private void draw(Graphics2D g, float[] xy, double position) {
        boolean hasTitle = options.title() != null && !options.title().isBlank();
        double top = hasTitle ? 50 : 30;
        double left = overlays.yTitle() == null ? 44 : 60;
        double bottom = overlays.xTitle() == null ? 24 : 42;
        double right = 14;
        double availW = options.width() - left - right;
        double availH = options.height() - top - bottom;
        double side = Math.max(10, Math.floor(Math.min(availW, availH)));
        double px0 = Math.round(left + Math.max(0, availW - side) / 2);
        double py0 = Math.round(top + Math.max(0, availH - side) / 2);
        Viewport vp = new Viewport(bounds[0], bounds[1], bounds[2], bounds[3], side);
        int tickCount = (int) Math.max(3, Math.min(8, side / 70));
        double[] xt = vp.xTicks(tickCount);
        double[] yt = vp.yTicks(tickCount);

        // grid
        g.setStroke(new BasicStroke(1f));
        g.setColor(GRID);
        for (double t : xt) {
            double x = px0 + Math.floor(vp.toPixelX(t)) + 0.5;
            g.draw(new Line2D.Double(x, py0, x, py0 + side));
        }
        for (double t : yt) {
            double y = py0 + Math.floor(vp.toPixelY(t)) + 0.5;
            g.draw(new Line2D.Double(px0, y, px0 + side, y));
        }

        // warped grid, points, then the query point on top, as the stepper view layers them
        java.awt.Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(px0, py0, side, side));
        overlays.drawGrid(g, vp, px0, py0, position, options.smooth());
        double r = options.pointRadius();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
        Ellipse2D.Double disc = new Ellipse2D.Double();
        int n = xy.length / 2;
        int last = 0;
        g.setColor(new Color(colours[0], false));
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(xy[2 * i]) || !Float.isFinite(xy[2 * i + 1])) {
                continue;
            }
            if (colours[i] != last) {
                last = colours[i];
                g.setColor(new Color(last, false));
            }
            disc.setFrame(px0 + vp.toPixelX(xy[2 * i]) - r, py0 + vp.toPixelY(xy[2 * i + 1]) - r, 2 * r, 2 * r);
            g.fill(disc);
        }
        g.setComposite(AlphaComposite.SrcOver);
        overlays.drawQuery(g, vp, px0, py0, position, BACKGROUND);
        g.setClip(clip);

        // axes
        g.setColor(AXIS);
        g.draw(new Rectangle2D.Double(px0 - 0.5, py0 - 0.5, side + 1, side + 1));
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(tickFont);
        FontMetrics fm = g.getFontMetrics();
        double xs = Ticks.stepOf(xt);
        for (double t : xt) {
            double x = px0 + Math.floor(vp.toPixelX(t)) + 0.5;
            g.setColor(AXIS);
            g.draw(new Line2D.Double(x, py0 + side, x, py0 + side + 4));
            String s = Ticks.format(t, xs);
            g.setColor(TEXT);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (py0 + side + 6 + fm.getAscent()));
        }
        double ys = Ticks.stepOf(yt);
        for (double t : yt) {
            double y = py0 + Math.floor(vp.toPixelY(t)) + 0.5;
            g.setColor(AXIS);
            g.draw(new Line2D.Double(px0 - 4, y, px0, y));
            String s = Ticks.format(t, ys);
            g.setColor(TEXT);
            g.drawString(s, (float) (px0 - 6 - fm.stringWidth(s)), (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0));
        }

        overlays.drawTitles(g, px0, py0, side);

        // title and caption
        g.setColor(TEXT);
        if (hasTitle) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            centre(g, options.title(), px0 + side / 2, py0 - 30, options.width());
        }
        g.setFont(new Font(Font.SANS_SERIF, hasTitle ? Font.PLAIN : Font.BOLD, 13));
        centre(g, caption(position), px0 + side / 2, py0 - 9, options.width());
        // progress bar along the top edge of the plot: where between data and latent this frame is
        g.setColor(new Color(0x0969da));
        g.fill(new Rectangle2D.Double(px0, py0 - 4, side * position / layerCount(), 2));
    }

    /** Centred on {@code cx} but kept inside the frame; a smaller font (down to 8 pt) where it would not fit. */
    private static void centre(Graphics2D g, String s, double cx, double baseline, double frameWidth) {
        double room = frameWidth - 8;
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) > room) {
            Font f = g.getFont();
            g.setFont(f.deriveFont((float) Math.max(8, f.getSize2D() * room / fm.stringWidth(s))));
            fm = g.getFontMetrics();
        }
        double w = fm.stringWidth(s);
        double x = Math.max(4, Math.min(frameWidth - 4 - w, cx - w / 2));
        g.drawString(s, (float) x, (float) baseline);
    }

    /**
     * Data bounds covering every layer: per layer the 0.5th–99.5th percentile of x and y (so a
     * handful of far outliers cannot shrink the rest to a dot), united over layers, plus a margin.
     */
    private static double[] robustBounds(float[][] layers) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (float[] xy : layers) {
            for (int axis = 0; axis < 2; axis++) {
                float[] v = new float[xy.length / 2];
                int m = 0;
                for (int i = axis; i < xy.length; i += 2) {
                    if (Float.isFinite(xy[i])) {
                        v[m++] = xy[i];
                    }
                }
                if (m == 0) {
                    continue;
                }
                Arrays.sort(v, 0, m);
                double lo = v[(int) Math.floor(0.005 * (m - 1))];
                double hi = v[(int) Math.ceil(0.995 * (m - 1))];
                b[2 * axis] = Math.min(b[2 * axis], lo);
                b[2 * axis + 1] = Math.max(b[2 * axis + 1], hi);
            }
        }
        if (!(b[1] >= b[0]) || !(b[3] >= b[2])) {
            return new double[] {-3, 3, -3, 3};
        }
        double m = MARGIN_FRACTION * Math.max(b[1] - b[0], b[3] - b[2]);
        return new double[] {b[0] - m, b[1] + m, b[2] - m, b[3] + m};
    }
}
