package org.flowexplorer.model.train;

/**
 * The quantity a loss history stores as the training NLL, in the app and in {@code train}: an
 * exponential moving average of the minibatch NLL with weight {@code alpha} on the newest value,
 * bias-corrected like Adam's moments (ema / (1 − (1 − alpha)^k) after k values), so the first
 * entries are not pulled towards 0.
 */
public final class LossSmoothing {
    /** The weight of the newest minibatch loss used by the app and the CLI. */
    public static final double DEFAULT_ALPHA = 0.05;

    /** Bias correction is ≈ 1 after this many values (0.95^10000 underflows). */
    private static final long SETTLED = 10_000;

    private final double alpha;
    private double ema;
    private long count;

    public LossSmoothing(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("smoothing weight must be in (0, 1], got " + alpha);
        }
        this.alpha = alpha;
    }

    public LossSmoothing() {
        this(DEFAULT_ALPHA);
    }

    /** A smoothing that continues the curve of {@code history} where its last training value left it. */
    public static LossSmoothing continuing(LossSnapshot history, double alpha) {
        LossSmoothing s = new LossSmoothing(alpha);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(history.trainNll(i))) {
                s.ema = history.trainNll(i);
                s.count = SETTLED;
                break;
            }
        }
        return s;
    }

    /** Adds one minibatch loss and returns the smoothed value to record. */
    public double add(double loss) {
        count++;
        ema = alpha * loss + (1 - alpha) * ema;
        return value();
    }

    /** The current smoothed value, NaN before the first one. */
    public double value() {
        return count == 0 ? Double.NaN : ema / (1 - Math.pow(1 - alpha, count));
    }
}
