package org.flowexplorer.model.train;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.flow.RealNVP;

/**
 * The checkpoints of one training run, in step order, in bounded memory. Training
 * {@link #offer}s the model after every step; the {@link CheckpointSchedule} says which steps are
 * kept. When a new checkpoint would exceed the bound, the store thins itself: it drops the
 * interior checkpoint whose neighbours are closest in log(step + 1), so what stays is spread evenly
 * on a logarithmic step axis (dense early, sparse late). The first and the newest are never
 * dropped.
 *
 * <p><b>The bound.</b> At most {@code maxCheckpoints} checkpoints and at most {@code budgetBytes}
 * of arrays (but always room for two): memory ≤ max(budgetBytes, 2 × one checkpoint). With the
 * defaults (256 checkpoints, {@value #DEFAULT_BUDGET_MIB} MiB): the seed's reference flow (8 ×
 * [256, 256] affine, 534 544 float32 parameters = 2.14 MB per checkpoint) keeps 31 checkpoints in
 * ≤ 64 MiB; the app's default flow (8 × [64, 64], 35 344 parameters = 141 kB) keeps 256 in ≤ 36.2 MB.
 *
 * <p>Not thread-safe: the training thread owns it; {@link #steps()} and {@link #checkpoints()}
 * return copies for other threads.
 */
public final class CheckpointStore {
    public static final int DEFAULT_MAX_CHECKPOINTS = 256;
    public static final int DEFAULT_BUDGET_MIB = 64;
    public static final long DEFAULT_BUDGET_BYTES = (long) DEFAULT_BUDGET_MIB << 20;

    private final CheckpointSchedule schedule;
    private final int maxCheckpoints;
    private final long budgetBytes;
    private final List<Checkpoint> kept = new ArrayList<>();
    private long bytes;

    public CheckpointStore(CheckpointSchedule schedule, int maxCheckpoints, long budgetBytes) {
        if (maxCheckpoints < 2 || budgetBytes < 0) {
            throw new IllegalArgumentException("a checkpoint store needs room for at least 2 checkpoints and a budget ≥ 0");
        }
        this.schedule = schedule;
        this.maxCheckpoints = maxCheckpoints;
        this.budgetBytes = budgetBytes;
    }

    /** The default schedule and bound. */
    public static CheckpointStore withDefaults() {
        return new CheckpointStore(CheckpointSchedule.DEFAULT, DEFAULT_MAX_CHECKPOINTS, DEFAULT_BUDGET_BYTES);
    }

    /** Keeps a copy of {@code model} when {@code step} is due on the schedule (and newer than the last); returns whether it did. */
    public boolean offer(long step, RealNVP model) {
        if (!schedule.isDue(step) || (!kept.isEmpty() && step <= newestStep())) {
            return false;
        }
        add(Checkpoint.of(step, model));
        return true;
    }

    /** Keeps {@code c} (its step must be newer than every kept one), thinning first if the bound requires. */
    public void add(Checkpoint c) {
        if (!kept.isEmpty() && c.step() <= newestStep()) {
            throw new IllegalArgumentException("checkpoint step " + c.step() + " is not after the newest, " + newestStep());
        }
        kept.add(c);
        bytes += c.bytes();
        while (kept.size() > 2 && (kept.size() > maxCheckpoints || bytes > budgetBytes)) {
            Checkpoint dropped = kept.remove(thinningIndex());
            bytes -= dropped.bytes();
        }
    }

    /** The interior checkpoint whose neighbours are closest on a log(step + 1) axis (the earliest of equals). */
    private int thinningIndex() {
        int best = 1;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < kept.size() - 1; i++) {
            double gap = Math.log1p(kept.get(i + 1).step()) - Math.log1p(kept.get(i - 1).step());
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    /** The newest checkpoint at or before {@code step}, or null when there is none. */
    public Checkpoint atOrBefore(long step) {
        Checkpoint found = null;
        for (Checkpoint c : kept) {
            if (c.step() > step) {
                break;
            }
            found = c;
        }
        return found;
    }

    /** Drops every checkpoint after {@code step} (training resumes from there). */
    public void truncateAfter(long step) {
        while (!kept.isEmpty() && newestStep() > step) {
            bytes -= kept.remove(kept.size() - 1).bytes();
        }
    }

    public void clear() {
        kept.clear();
        bytes = 0;
    }

    /** The kept checkpoints in step order (an immutable copy of the list; checkpoints are immutable). */
    public List<Checkpoint> checkpoints() {
        return List.copyOf(kept);
    }

    /** The kept checkpoints' steps, increasing (a new array). */
    public long[] steps() {
        long[] s = new long[kept.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = kept.get(i).step();
        }
        return s;
    }

    /** How many checkpoints are kept, and the memory their arrays take in bytes. */
    public int size() {
        return kept.size();
    }

    public long bytes() {
        return bytes;
    }

    /** The most memory this store can hold for checkpoints of {@code checkpointBytes} each. */
    public long boundBytes(long checkpointBytes) {
        long byCount = (long) maxCheckpoints * checkpointBytes;
        return Math.min(byCount, Math.max(budgetBytes, 2 * checkpointBytes));
    }

    public CheckpointSchedule schedule() {
        return schedule;
    }

    private long newestStep() {
        return kept.get(kept.size() - 1).step();
    }
}
