package org.flowexplorer.model.train;

/**
 * How hard gradient clipping is working: the last step's gradient norm before clipping and the
 * share of recent steps whose norm was above the clip (and so were scaled down).
 *
 * @param gradientNorm  the last step's total gradient 2-norm before clipping; NaN before the first step
 * @param clipNorm      the clip in force; 0 or less (or infinite) when clipping is off
 * @param clippedShare  share of the last {@code recentSteps} steps that were clipped; NaN before the first step
 * @param recentSteps   how many steps {@code clippedShare} covers (at most {@link Trainer#CLIP_WINDOW})
 */
public record ClippingReport(double gradientNorm, double clipNorm, double clippedShare, int recentSteps) {

    /** Whether clipping is on at all. */
    public boolean clippingOn() {
        return clipNorm > 0 && Double.isFinite(clipNorm);
    }
}
