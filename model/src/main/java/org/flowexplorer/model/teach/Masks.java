package org.flowexplorer.model.teach;

/**
 * The image masks of RealNVP (Dinh et al. 2017, seed 001), as plain arrays for teaching views.
 * {@code true} (1) means the entry <em>conditions</em> the coupling (passes through unchanged),
 * {@code false} (0) that it is transformed — the same convention as the app's
 * {@link org.flowexplorer.model.flow.Mask}. Layers alternate the parity so that what one layer
 * passes through, the next transforms.
 */
public final class Masks {
    private Masks() {
    }

    /**
     * A spatial checkerboard over an h×w image, row-major: pixel (y, x) conditions when
     * {@code (y + x) % 2 == parity % 2}. Parity 0 for even layers, 1 for odd layers. Every channel
     * of a pixel shares its mask entry.
     */
    public static boolean[] checkerboard(int h, int w, int parity) {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("image must be at least 1×1, got " + h + "×" + w);
        }
        boolean[] m = new boolean[h * w];
        int p = Math.floorMod(parity, 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = (y + x) % 2 == p;
            }
        }
        return m;
    }

    /**
     * A channel-wise mask over c channels: with parity 0 the first ⌊c/2⌋ channels condition and the
     * rest are transformed; parity 1 swaps the roles (like the app's alternating half masks).
     * Needs c ≥ 2 — in RealNVP channel masks follow a squeeze, which gives 4·C channels.
     */
    public static boolean[] channelwise(int c, int parity) {
        if (c < 2) {
            throw new IllegalArgumentException("a channel-wise mask needs at least 2 channels, got " + c);
        }
        boolean[] m = new boolean[c];
        boolean even = Math.floorMod(parity, 2) == 0;
        for (int i = 0; i < c; i++) {
            m[i] = even == (i < c / 2);
        }
        return m;
    }

    /** The app's 2-D (and D-dimensional) alternating half mask for layer {@code layer}: the seed's {@code alternating_mask}. */
    public static boolean[] alternatingHalf(int dim, int layer) {
        return org.flowexplorer.model.flow.Mask.alternating(dim, layer).values();
    }
}
