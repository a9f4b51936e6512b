package org.flowexplorer.app.worker;

/**
 * The replay timeline as a snapshot reports it: which checkpoints the worker keeps and which one
 * every view shows. The steps array is shared between snapshots until a checkpoint is added or
 * dropped (compare by reference); never modify it.
 *
 * @param steps       the kept checkpoints' steps, increasing (the run's first step is always one)
 * @param shownStep   the checkpoint every view shows, or {@link #LIVE} when they follow training
 * @param bytes       memory the checkpoints take now
 * @param boundBytes  the most memory they may take (the store's bound for this model)
 */
public record ReplayState(long[] steps, long shownStep, long bytes, long boundBytes) {
    /** {@link #shownStep()} when the views show the model being trained. */
    public static final long LIVE = -1;
    public static final ReplayState NONE = new ReplayState(new long[0], LIVE, 0, 0);

    /** Whether the views show a checkpoint rather than the live model. */
    public boolean showing() {
        return shownStep != LIVE;
    }

    /** The index of the newest checkpoint at or before {@code step} (0 when none is). */
    public int indexAtOrBefore(long step) {
        return indexAtOrBefore(steps, step);
    }

    /** The index in increasing {@code steps} of the last one ≤ {@code step}; 0 when all are later (or there are none). */
    public static int indexAtOrBefore(long[] steps, long step) {
        int i = java.util.Arrays.binarySearch(steps, step);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }
}
