package org.flowexplorer.model.train;

/**
 * At which steps training keeps a {@link Checkpoint}: dense early, where the flow changes fastest,
 * and sparse later. A step s is due when
 *
 * <ul>
 *   <li>s ≤ {@code denseSteps} (the default: every step of the first 50), or</li>
 *   <li>s is the first whole step at or past a power of {@code ratio} (logarithmic spacing: with
 *       the default ratio 1.1 about 24 checkpoints per decade, e.g. 55, 61, 67, 73, 81 …), or</li>
 *   <li>s is a multiple of {@code every} (default 1000), so long runs keep a regular trace.</li>
 * </ul>
 *
 * Step 0 (the initial model) is always due. The schedule says what is offered; a bounded
 * {@link CheckpointStore} decides what is kept.
 */
public record CheckpointSchedule(int denseSteps, double ratio, long every) {
    public static final CheckpointSchedule DEFAULT = new CheckpointSchedule(50, 1.1, 1000);

    public CheckpointSchedule {
        if (denseSteps < 0 || !(ratio > 1) || Double.isInfinite(ratio) || every < 1) {
            throw new IllegalArgumentException("checkpoint schedule needs denseSteps ≥ 0, ratio > 1, every ≥ 1; got "
                    + denseSteps + ", " + ratio + ", " + every);
        }
    }

    /** Whether a checkpoint is due after {@code step} steps. */
    public boolean isDue(long step) {
        if (step <= denseSteps || step % every == 0) {
            return step >= 0;
        }
        return powerIndex(step) > powerIndex(step - 1);
    }

    /** ⌊log_ratio(s)⌋ for s ≥ 1: it grows by one at the first step past each power of the ratio. */
    private long powerIndex(long s) {
        return (long) Math.floor(Math.log(s) / Math.log(ratio) + 1e-12);
    }
}
