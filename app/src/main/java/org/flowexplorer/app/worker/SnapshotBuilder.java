package org.flowexplorer.app.worker;

import org.flowexplorer.model.train.LossSnapshot;

/**
 * Builds every {@link Snapshot} the worker publishes, before the model exists and after, from the
 * worker's parts; the sequence number increases with each one. Worker thread only.
 */
final class SnapshotBuilder {
    private final Experiment experiment;
    private final RunState run;
    private final ViewDataScheduler views;
    private long sequence;
    private double firstBuildMillis = Double.NaN;

    SnapshotBuilder(Experiment experiment, RunState run, ViewDataScheduler views) {
        this.experiment = experiment;
        this.run = run;
        this.views = views;
    }

    void setFirstBuildMillis(double millis) {
        firstBuildMillis = millis;
    }

    Snapshot build(long commandsHandled) {
        Experiment e = experiment;
        boolean ready = e.built();
        Snapshot.Status status = ready
                ? run.status(e)
                : new Snapshot.Status("Preparing model…", "", false, 0, 0, 0, Double.NaN, Double.NaN, 0, null);
        Snapshot.Timings timings = ready
                ? new Snapshot.Timings(run.stepMillis(), views.traceMillis(), views.densityMillis(), firstBuildMillis,
                        run.trainShare(), run.viewShare())
                : Snapshot.Timings.NONE;
        return new Snapshot(sequence++, commandsHandled, e.runId(),
                ready ? Snapshot.Phase.READY : Snapshot.Phase.PREPARING, status, e.settings(),
                ready ? views.viewData(e) : views.emptyViewData(e.architecture()),
                ready ? e.history().snapshot() : LossSnapshot.empty(), views.inspector(e.model()), timings,
                ready ? e.heldOutReport() : HeldOutReport.NONE,
                ready ? e.replay().state() : ReplayState.NONE);
    }
}
