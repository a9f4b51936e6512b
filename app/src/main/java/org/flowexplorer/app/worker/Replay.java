package org.flowexplorer.app.worker;

import java.util.List;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Checkpoint;
import org.flowexplorer.model.train.CheckpointStore;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * Training replay on the worker: the run's {@link CheckpointStore} (the default schedule and
 * bound), and the model restored from the checkpoint the views show instead of the live one.
 * While a checkpoint is shown, {@link Experiment#model()} is that model, so every view (points,
 * density, latent, stepper, masks, inspector, log-det map, conditioner curves) computes from it
 * exactly as from the live model; training goes on from the live model only. Worker thread only.
 */
final class Replay {
    private final CheckpointStore store = CheckpointStore.withDefaults();
    private RealNVP shown;
    private long shownStep = ReplayState.LIVE;
    private long[] steps = new long[0];
    private long checkpointBytes;

    /** A new run starts at {@code step} with {@code live}: the store keeps only that. */
    void startRun(long step, RealNVP live) {
        store.clear();
        showLive();
        Checkpoint first = Checkpoint.of(step, live);
        checkpointBytes = first.bytes();
        store.add(first);
        steps = store.steps();
    }

    /** After a kept training step: a checkpoint when the schedule says so. */
    void record(long step, RealNVP live) {
        if (store.offer(step, live)) {
            steps = store.steps();
        }
    }

    /** Every view shows the newest checkpoint at or before {@code step}; returns its step. */
    long show(long step, RealNVP like) {
        Checkpoint c = requireAtOrBefore(step);
        if (c.step() != shownStep) {
            shown = c.restore(like.spec());
            shownStep = c.step();
        }
        return shownStep;
    }

    void showLive() {
        shown = null;
        shownStep = ReplayState.LIVE;
    }

    boolean showing() {
        return shown != null;
    }

    /** The model the views show instead of the live one, null when they follow training. */
    RealNVP shown() {
        return shown;
    }

    /** Training resumes from the newest checkpoint at or before {@code step}: later ones are dropped; returns it. */
    Checkpoint cutAt(long step) {
        Checkpoint c = requireAtOrBefore(step);
        store.truncateAfter(c.step());
        steps = store.steps();
        showLive();
        return c;
    }

    /**
     * Adds checkpoints read from a file to a run just started (those before the run's first step,
     * e.g. a saved session's, which must fit the live model); the run's own first checkpoint stays.
     */
    void restore(List<Checkpoint> saved, RealNVP live) {
        List<Checkpoint> own = store.checkpoints();
        store.clear();
        for (Checkpoint c : saved) {
            if (c.parameterCount() != live.parameterCount() || c.precision() != live.precision()) {
                throw new IllegalArgumentException("the checkpoints do not fit the model (" + c + ")");
            }
            if (own.isEmpty() || c.step() < own.get(0).step()) {
                store.add(c);
            }
        }
        own.forEach(store::add);
        steps = store.steps();
    }

    /** The kept checkpoints (immutable), e.g. to save them with a session. */
    List<Checkpoint> checkpoints() {
        return store.checkpoints();
    }

    ReplayState state() {
        return new ReplayState(steps, shownStep, store.bytes(), store.boundBytes(checkpointBytes));
    }

    private Checkpoint requireAtOrBefore(long step) {
        Checkpoint c = store.atOrBefore(step);
        if (c == null) {
            throw new IllegalArgumentException("No checkpoint at or before step " + step + ".");
        }
        return c;
    }

    /** The entries of {@code h} up to and including {@code step}. */
    static LossHistory historyUpTo(LossHistory h, long step) {
        LossSnapshot s = h.snapshot();
        int n = 0;
        while (n < s.size() && s.step(n) <= step) {
            n++;
        }
        return LossHistory.of(LossSnapshot.of(java.util.Arrays.copyOf(s.steps(), n),
                java.util.Arrays.copyOf(s.trainNll(), n), java.util.Arrays.copyOf(s.testNll(), n)));
    }

    /** The evaluations of {@code h} up to and including {@code step}. */
    static HeldOutHistory heldOutUpTo(HeldOutHistory h, long step) {
        HeldOutHistory.View v = h.snapshot();
        HeldOutHistory cut = new HeldOutHistory();
        for (int i = 0; i < v.size() && v.step(i) <= step; i++) {
            cut.append(v.step(i), v.stats(i));
        }
        return cut;
    }
}
