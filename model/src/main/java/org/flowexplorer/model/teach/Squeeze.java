package org.flowexplorer.model.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RealNVP's multi-scale bookkeeping (seed 001): the <em>squeeze</em>, which turns every 2×2 block of
 * pixels into 4 channels of one position (C×H×W → 4C×H/2×W/2), and the <em>factor-out</em>, which
 * sends half the channels straight to the base distribution. Tensors are C×H×W, row-major
 * ({@code index = (c·H + y)·W + x}).
 *
 * <p>Channel order as in common PyTorch RealNVP code ({@code view(C, H/2, 2, W/2, 2).permute(0, 2, 4, 1, 3)}):
 * output channel {@code 4·c + 2·dy + dx} holds input channel c's pixel at offset (dy, dx) in its block.
 */
public final class Squeeze {
    private Squeeze() {
    }

    /** The shape after a squeeze: {C, H, W} → {4C, H/2, W/2}; H and W must be even. */
    public static int[] squeezedShape(int[] chw) {
        check(chw);
        if (chw[1] % 2 != 0 || chw[2] % 2 != 0) {
            throw new IllegalArgumentException("squeeze needs even height and width, got " + chw[1] + "×" + chw[2]);
        }
        return new int[] {4 * chw[0], chw[1] / 2, chw[2] / 2};
    }

    /** Squeezes {@code values} of shape {@code chw}; returns the 4C×H/2×W/2 tensor, row-major. */
    public static int[] squeeze(int[] values, int[] chw) {
        squeezedShape(chw);
        int c = chw[0], h = chw[1], w = chw[2];
        if (values.length != c * h * w) {
            throw new IllegalArgumentException("expected " + c * h * w + " values for shape " + c + "×" + h + "×" + w);
        }
        return permute(values, chw, false);
    }

    /** The inverse of {@link #squeeze}: {@code values} of shape {4C, H/2, W/2} back to {@code chw}. */
    public static int[] unsqueeze(int[] values, int[] chw) {
        return permute(values, chw, true);
    }

    /** Moves every pixel between its place in {@code chw} and its place after the squeeze. */
    private static int[] permute(int[] values, int[] chw, boolean inverse) {
        int[] out = squeezedShape(chw);
        int c = chw[0], h = chw[1], w = chw[2];
        int oh = out[1], ow = out[2];
        int[] r = new int[values.length];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int plain = (ch * h + y) * w + x;
                    int squeezed = ((4 * ch + blockPosition(y, x)) * oh + y / 2) * ow + x / 2;
                    r[inverse ? plain : squeezed] = values[inverse ? squeezed : plain];
                }
            }
        }
        return r;
    }

    /** Position of a pixel inside its 2×2 block: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right. */
    public static int blockPosition(int y, int x) {
        return 2 * (y % 2) + (x % 2);
    }

    /** The shape that stays in the flow after factoring out half the channels: {C/2, H, W}. */
    public static int[] keptShape(int[] chw) {
        check(chw);
        if (chw[0] % 2 != 0) {
            throw new IllegalArgumentException("factor-out needs an even channel count, got " + chw[0]);
        }
        return new int[] {chw[0] / 2, chw[1], chw[2]};
    }

    /** What a stage of the multi-scale plan does. */
    public enum Operation {
        SQUEEZE,
        COUPLING_BLOCKS,
        FACTOR_OUT,
        BASE_DISTRIBUTION;

        /** The constant's name in words, e.g. "factor out". */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** One stage of the multi-scale architecture, e.g. {@code squeeze 3×32×32 → 12×16×16}. */
    public record Stage(Operation operation, int[] from, int[] to, int[] factoredOut) {
        public Stage {
            from = from.clone();
            to = to.clone();
            factoredOut = factoredOut == null ? null : factoredOut.clone();
        }

        @Override
        public int[] from() {
            return from.clone();
        }

        @Override
        public int[] to() {
            return to.clone();
        }

        /** The shape sent to the base distribution (null if nothing is). */
        @Override
        public int[] factoredOut() {
            return factoredOut == null ? null : factoredOut.clone();
        }

        @Override
        public String toString() {
            if (to.length == 0) {
                return operation.label() + " ← " + shape(from);
            }
            return operation.label() + " " + shape(from) + " → " + shape(to)
                    + (factoredOut == null ? "" : " (" + shape(factoredOut) + " to base)");
        }
    }

    /**
     * Seed 001's multi-scale plan: {@code scales} times squeeze → coupling blocks, factoring out half
     * the channels after every scale but the last, whose output goes to the base distribution whole.
     * For 3×32×32 and 3 scales: 12×16×16, factor out 6; 24×8×8, factor out 12; 48×4×4 to base.
     */
    public static List<Stage> multiScalePlan(int[] chw, int scales) {
        List<Stage> plan = new ArrayList<>();
        int[] cur = chw.clone();
        for (int s = 0; s < scales; s++) {
            int[] sq = squeezedShape(cur);
            plan.add(new Stage(Operation.SQUEEZE, cur, sq, null));
            plan.add(new Stage(Operation.COUPLING_BLOCKS, sq, sq, null));
            if (s < scales - 1) {
                int[] kept = keptShape(sq);
                plan.add(new Stage(Operation.FACTOR_OUT, sq, kept, kept));
                cur = kept;
            } else {
                plan.add(new Stage(Operation.BASE_DISTRIBUTION, sq, new int[0], sq));
            }
        }
        return plan;
    }

    /** E.g. {@code 12×16×16}. */
    public static String shape(int[] chw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chw.length; i++) {
            sb.append(i > 0 ? "×" : "").append(chw[i]);
        }
        return sb.toString();
    }

    private static void check(int[] chw) {
        if (chw.length != 3 || chw[0] < 1 || chw[1] < 1 || chw[2] < 1) {
            throw new IllegalArgumentException("expected a positive C×H×W shape");
        }
    }
}
