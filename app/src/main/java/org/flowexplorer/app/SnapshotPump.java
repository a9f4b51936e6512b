package org.flowexplorer.app;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import org.flowexplorer.app.worker.Snapshot;

/** Once per FX pulse: takes the worker's latest snapshot and, if it is new, hands it to the view model. */
public final class SnapshotPump extends AnimationTimer {
    private final Supplier<Snapshot> source;
    private final Consumer<Snapshot> target;
    private long lastSequence = -1;

    public SnapshotPump(Supplier<Snapshot> source, Consumer<Snapshot> target) {
        this.source = source;
        this.target = target;
    }

    @Override
    public void handle(long now) {
        pollNow();
    }

    /** Same as one pulse; returns whether a new snapshot was delivered. */
    public boolean pollNow() {
        Snapshot s = source.get();
        if (s != null && s.sequence() != lastSequence) {
            lastSequence = s.sequence();
            target.accept(s);
            return true;
        }
        return false;
    }
}
