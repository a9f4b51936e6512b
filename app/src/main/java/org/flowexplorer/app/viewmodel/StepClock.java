package org.flowexplorer.app.viewmodel;

import java.util.Map;
import java.util.TreeMap;

/**
 * How far one side of a comparison had trained after how much training time: the wall time its
 * worker spent playing (intervals between two snapshots that both said "playing"), against the
 * step it had reached. A new run (reset, new model) starts the clock again. FX thread.
 */
final class StepClock {
    /** Training time (ns) → the step reached by then; a later step at the same time replaces the earlier. */
    private final TreeMap<Long, Long> reached = new TreeMap<>();
    private int runId = Integer.MIN_VALUE;
    private long total;
    private long lastNanos;
    private boolean lastPlaying;

    /** One snapshot of the side: its run, the time it arrived, whether it was playing, its step. */
    void observe(int run, long nanos, boolean playing, long step) {
        if (run != runId) {
            runId = run;
            reached.clear();
            total = 0;
            lastPlaying = false;
        }
        if (lastPlaying && playing) {
            total += Math.max(0, nanos - lastNanos);
        }
        lastNanos = nanos;
        lastPlaying = playing;
        reached.put(total, step);
    }

    /** The training time so far, in nanoseconds. */
    long elapsedNanos() {
        return total;
    }

    /** The last step reached within {@code nanos} of training time (0 before any). */
    long stepAt(long nanos) {
        Map.Entry<Long, Long> e = reached.floorEntry(nanos);
        return e == null ? 0 : e.getValue();
    }
}
