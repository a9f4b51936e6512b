package org.flowexplorer.app.worker;

import java.util.Arrays;
import org.flowexplorer.model.eval.HeldOutNll;

/**
 * The robust summaries ({@link HeldOutNll}: median, outliers) of a run's test evaluations, beside
 * the mean that the loss history records. Append-only like {@code LossHistory}, so a snapshot is
 * O(1): it shares the arrays and reads only entries below its size, which no later append touches.
 */
public final class HeldOutHistory {
    private long[] steps = new long[16];
    private HeldOutNll[] stats = new HeldOutNll[16];
    private int size;

    /** Records the evaluation at {@code step}; a step not after the last one replaces nothing and is dropped. */
    synchronized void append(long step, HeldOutNll s) {
        if (size > 0 && step <= steps[size - 1]) {
            return;
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, 2 * size);
            stats = Arrays.copyOf(stats, 2 * size);
        }
        steps[size] = step;
        stats[size++] = s;
    }

    synchronized View snapshot() {
        return new View(steps, stats, size);
    }

    /** The first {@link #size()} evaluations, immutable. */
    public static final class View {
        public static final View EMPTY = new View(new long[0], new HeldOutNll[0], 0);
        private final long[] steps;
        private final HeldOutNll[] stats;
        private final int size;

        private View(long[] steps, HeldOutNll[] stats, int size) {
            this.steps = steps;
            this.stats = stats;
            this.size = size;
        }

        public int size() {
            return size;
        }

        public long step(int i) {
            return steps[java.util.Objects.checkIndex(i, size)];
        }

        public HeldOutNll stats(int i) {
            return stats[java.util.Objects.checkIndex(i, size)];
        }
    }
}
