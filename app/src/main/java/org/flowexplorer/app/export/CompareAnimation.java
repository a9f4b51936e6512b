package org.flowexplorer.app.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Two layer animations side by side in one GIF: side A's points travelling from data to latent on
 * the left, side B's on the right, at the same fraction of each model's depth in every frame (so a
 * 2-layer and an 8-layer flow arrive at their latents together), with a caption line under both.
 */
public final class CompareAnimation implements AnimationFrames {
    private static final int CAPTION = 22;
    private final LayerAnimation a;
    private final LayerAnimation b;
    private final String captionA;
    private final String captionB;
    private final int frames;

    /** @param a side A's animation, {@code b} side B's (same frame size); the captions name the sides */
    public CompareAnimation(LayerAnimation a, String captionA, LayerAnimation b, String captionB) {
        if (a.pixelWidth() != b.pixelWidth() || a.pixelHeight() != b.pixelHeight()) {
            throw new IllegalArgumentException("both animations need the same frame size");
        }
        this.a = a;
        this.b = b;
        this.captionA = captionA;
        this.captionB = captionB;
        this.frames = Math.max(a.frameCount(), b.frameCount());
    }

    @Override
    public int frameCount() {
        return frames;
    }

    @Override
    public int frameDelayMs() {
        return a.frameDelayMs();
    }

    public int pixelWidth() {
        return 2 * a.pixelWidth();
    }

    public int pixelHeight() {
        return a.pixelHeight() + scaled(CAPTION);
    }

    /** Frame {@code index}: each side's frame at the same fraction of its own frame count. */
    @Override
    public BufferedImage renderFrame(int index) {
        double t = frames == 1 ? 1 : (double) index / (frames - 1);
        BufferedImage left = a.renderFrame(at(a, t));
        BufferedImage right = b.renderFrame(at(b, t));
        int w = a.pixelWidth();
        int h = a.pixelHeight();
        BufferedImage out = new BufferedImage(2 * w, pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(left, 0, 0, null);
            g.drawImage(right, w, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, scaled(12)));
            g.setColor(new Color(0x0969da));
            g.drawString(captionA, scaled(8), h + scaled(16));
            g.setColor(new Color(0xd1580a));
            g.drawString(captionB, w + scaled(8), h + scaled(16));
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int at(LayerAnimation x, double t) {
        return (int) Math.round(t * (x.frameCount() - 1));
    }

    private int scaled(int px) {
        return (int) Math.round(px * a.options().scale());
    }
}
