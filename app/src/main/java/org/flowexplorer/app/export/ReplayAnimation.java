package org.flowexplorer.app.export;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.flowexplorer.app.chart.BaseContours;
import org.flowexplorer.app.chart.Colormaps;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.DensityImage;
import org.flowexplorer.app.scene.ReplayFrames;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * The replay film: one frame per checkpoint, the density p(x) with the data (left) and the data
 * pushed to the latent space over the base's σ-contours (right: N(0, I)'s 1-2-3σ circles, or the
 * checkpoint's mixture components at 1 and 2σ, as the latent view draws them), the step counter, and the loss
 * curve growing up to the frame's step under them. Drawn with Java2D on the calling thread (the
 * export's background task or the CLI), from {@link ReplayFrames}.
 */
public final class ReplayAnimation implements AnimationFrames {
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color TEXT = new Color(0x24292f);
    private static final Color AXIS = new Color(0x57606a);
    private static final Color FAINT = new Color(0xd0, 0xd7, 0xde);
    private static final Color TRAIN = new Color(0x0969da);
    private static final Color CIRCLES = new Color(0xcf, 0x22, 0x2e, 150);
    private static final double LOSS_HEIGHT = 0.24;

    /** Size in logical pixels, pixel density, and how long each frame shows. */
    public record Options(int width, int height, double scale, int frameDelayMs) {
        public Options {
            if (width < 200 || height < 150 || !(scale >= 0.5 && scale <= 4) || frameDelayMs < 20) {
                throw new IllegalArgumentException("replay film needs width ≥ 200, height ≥ 150, scale 0.5–4, delay ≥ 20 ms");
            }
        }

        public static Options defaults() {
            return new Options(880, 520, 1, 150);
        }
    }

    private final ReplayFrames frames;
    private final Options options;

    public ReplayAnimation(ReplayFrames frames, Options options) {
        this.frames = java.util.Objects.requireNonNull(frames, "frames");
        this.options = options;
    }

    /** One frame per checkpoint. */
    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public BufferedImage renderFrame(int index) {
        ReplayFrames.Frame f = frames.frame(index);
        BufferedImage img = new BufferedImage((int) Math.round(options.width() * options.scale()),
                (int) Math.round(options.height() * options.scale()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(options.scale(), options.scale());
            draw(g, f);
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override
    public int frameDelayMs() {
        return options.frameDelayMs();
    }

    private void draw(Graphics2D g, ReplayFrames.Frame f) {
        double w = options.width();
        double h = options.height();
        double lossH = Math.round(h * LOSS_HEIGHT);
        double top = 34;
        double gap = 24;
        double side = Math.floor(Math.min((w - 3 * gap) / 2, h - top - lossH - 2 * gap));
        double x0 = Math.round((w - 2 * side - gap) / 2);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        String caption = "step " + f.step();
        g.drawString(caption, (float) (w / 2 - g.getFontMetrics().stringWidth(caption) / 2.0), 22f);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("data x and density p(x)", (float) x0, (float) top - 2);
        g.drawString("latent z = f(x)", (float) (x0 + side + gap), (float) top - 2);

        Rectangle2D left = new Rectangle2D.Double(x0, top + 4, side, side);
        Rectangle2D right = new Rectangle2D.Double(x0 + side + gap, top + 4, side, side);
        drawDensity(g, f.density(), left);
        drawPoints(g, frames.points(), frames.bounds(), left, 0.35f);
        drawBase(g, contours(f), right);
        drawPoints(g, f.latent(), Bounds.LATENT, right, 0.85f);
        g.setStroke(new BasicStroke(1f));
        g.setColor(AXIS);
        g.draw(left);
        g.draw(right);
        drawLoss(g, f.step(), new Rectangle2D.Double(x0, h - lossH - 8, 2 * side + gap, lossH - 8));
    }

    /** The σ-contours the frame's latent points are drawn over: N(0, I)'s circles or the checkpoint's mixture. */
    static BaseContours contours(ReplayFrames.Frame f) {
        return BaseContours.of(f.base());
    }

    /** Dashed ellipses at each level σ of every component, as the latent view draws them, clipped to the box. */
    private static void drawBase(Graphics2D g, BaseContours contours, Rectangle2D box) {
        java.awt.Shape clip = g.getClip();
        g.clip(box);
        g.setColor(CIRCLES);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        Bounds b = Bounds.LATENT;
        double sx = box.getWidth() / b.width();
        double sy = box.getHeight() / b.height();
        for (BaseContours.Ellipse e : contours.components()) {
            double cx = box.getX() + (e.cx() - b.xmin()) * sx;
            double cy = box.getMaxY() - (e.cy() - b.ymin()) * sy;
            for (int k = 1; k <= contours.levels(); k++) {
                double rx = k * e.sx() * sx;
                double ry = k * e.sy() * sy;
                g.draw(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
            }
        }
        g.setClip(clip);
    }

    private static void drawDensity(Graphics2D g, DensityImage d, Rectangle2D box) {
        float max = 0;
        for (float v : d.values()) {
            max = Math.max(max, v);
        }
        BufferedImage heat = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                float v = d.values()[row * d.width() + col];
                // row 0 is ymin: the image's last row
                heat.setRGB(col, d.height() - 1 - row, Colormaps.VIRIDIS.argb(max > 0 ? v / max : 0));
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(heat, (int) box.getX(), (int) box.getY(), (int) box.getWidth(), (int) box.getHeight(), null);
    }

    private void drawPoints(Graphics2D g, float[] xy, Bounds b, Rectangle2D box, float opacity) {
        java.awt.Shape clip = g.getClip();
        g.clip(box);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
        int[] colours = frames.colours();
        double r = 1.6;
        Ellipse2D.Double disc = new Ellipse2D.Double();
        for (int i = 0; i < xy.length / 2; i++) {
            if (!Float.isFinite(xy[2 * i]) || !Float.isFinite(xy[2 * i + 1])) {
                continue;
            }
            double px = box.getX() + (xy[2 * i] - b.xmin()) / b.width() * box.getWidth();
            double py = box.getMaxY() - (xy[2 * i + 1] - b.ymin()) / b.height() * box.getHeight();
            g.setColor(new Color(colours[i], false));
            disc.setFrame(px - r, py - r, 2 * r, 2 * r);
            g.fill(disc);
        }
        g.setComposite(AlphaComposite.SrcOver);
        g.setClip(clip);
    }

    /** The whole run's smoothed train NLL in faint grey, the part up to {@code step} in colour, a marker at it. */
    private void drawLoss(Graphics2D g, long step, Rectangle2D box) {
        LossSnapshot loss = frames.loss();
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("train NLL", (float) box.getX() + 4, (float) box.getY() + 13);
        long last = Math.max(1, loss.lastStep());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < loss.size(); i++) {
            double v = loss.trainNll(i);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double x = box.getX() + Math.min(1, (double) step / last) * box.getWidth();
        if (hi > lo) {
            Path2D.Double all = new Path2D.Double();
            Path2D.Double sofar = new Path2D.Double();
            boolean startedAll = false;
            boolean startedSoFar = false;
            for (int i = 0; i < loss.size(); i++) {
                double v = loss.trainNll(i);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double px = box.getX() + (double) loss.step(i) / last * box.getWidth();
                double py = box.getMaxY() - 4 - (v - lo) / (hi - lo) * (box.getHeight() - 18);
                if (startedAll) {
                    all.lineTo(px, py);
                } else {
                    all.moveTo(px, py);
                    startedAll = true;
                }
                if (loss.step(i) <= step) {
                    if (startedSoFar) {
                        sofar.lineTo(px, py);
                    } else {
                        sofar.moveTo(px, py);
                        startedSoFar = true;
                    }
                }
            }
            g.setColor(FAINT);
            g.draw(all);
            g.setColor(TRAIN);
            g.setStroke(new BasicStroke(1.8f));
            g.draw(sofar);
        }
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(x, box.getY(), x, box.getMaxY()));
    }
}
