package org.flowexplorer.app.cli;

import java.util.Optional;
import org.flowexplorer.model.train.Trainer;

/**
 * Tells a training run that diverged from one that is only slow: after every step, the loss must be
 * finite and must not explode, and the gradient norm must be finite (a NaN gradient makes every
 * parameter NaN in that step). "Explode" is relative to the first step's loss, so data on a large scale (whose
 * NLL starts high) is not flagged: the loss is over {@value #EXPLODED_LOSS} and over
 * {@value #EXPLODED_FACTOR}× the first step's. With {@code --lr 10} the loss reached 1e33 while still
 * finite; training on from there gives a useless model, so it counts as diverged too.
 */
final class DivergenceGuard {
    static final double EXPLODED_LOSS = 1e4;
    static final double EXPLODED_FACTOR = 100;
    private double firstLoss = Double.NaN;

    /** Why the step just taken diverged, or empty if it did not. */
    Optional<String> check(Trainer trainer) {
        double loss = trainer.lastLoss();
        if (!Double.isFinite(loss)) {
            return Optional.of("the loss became " + loss);
        }
        if (Double.isNaN(firstLoss)) {
            firstLoss = loss;
        }
        if (Math.abs(loss) > EXPLODED_LOSS && Math.abs(loss) > EXPLODED_FACTOR * Math.abs(firstLoss)) {
            return Optional.of("the loss reached " + String.format(java.util.Locale.ROOT, "%.3g", loss)
                    + " (it started at " + String.format(java.util.Locale.ROOT, "%.3g", firstLoss) + ")");
        }
        double norm = trainer.lastGradientNorm();
        if (!Double.isFinite(norm)) {
            return Optional.of("the gradient became " + norm + " (the loss was " + loss + ")");
        }
        return Optional.empty();
    }

    /** The whole line for the user: where, what, and what to try. */
    static String message(long step, String what, double lr, double clip) {
        return "training diverged at step " + step + ": " + what + "; try a lower --lr (now " + lr + ")"
                + (clip > 0 ? "" : " or gradient clipping (--clip 1)");
    }
}
