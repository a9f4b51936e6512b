package org.flowexplorer.app.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.flowexplorer.app.scene.HealthSummary;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.Diagnostics;
import org.flowexplorer.app.worker.Divergence;
import org.flowexplorer.model.teach.ConditionerCurves;

/**
 * What the "Conditioners &amp; health" tab shows: the stepper's coupling's conditioner curves and
 * the numerical-health summary. The summary is rebuilt when the worker's diagnostics or the
 * divergence guard's state change (not every frame), and remembers the guard's last pause in the
 * run after training went on, so a rollback stays visible.
 */
public final class DiagnosticsViewModel {
    private final ReadOnlyObjectWrapper<ConditionerCurves> conditioner = new ReadOnlyObjectWrapper<>(this, "conditioner");
    private final ReadOnlyObjectWrapper<HealthSummary> health = new ReadOnlyObjectWrapper<>(this, "health");
    private Divergence lastPause;
    private Divergence shownPause;
    private final CommandChannel commands;
    private boolean visible;

    DiagnosticsViewModel(CommandChannel commands) {
        this.commands = commands;
    }

    /** Tells the worker whether the tab is shown (hidden, it computes the curves only when the coupling changes). */
    public void setVisible(boolean shown) {
        if (shown != visible) {
            visible = shown;
            commands.send(new Command.ShowDiagnostics(shown));
        }
    }

    void accept(SnapshotDiff d) {
        if (d.newRun()) {
            lastPause = null;
        }
        Divergence now = d.divergence();
        if (now != null) {
            lastPause = now;
        }
        boolean guardChanged = now != shownPause;
        shownPause = now;
        Diagnostics diag = d.diagnostics();
        if (d.diagnosticsChanged() || guardChanged || d.newRun()) {
            conditioner.set(diag == null ? null : diag.conditioner());
            WorkerTimings t = d.timings();
            health.set(HealthSummary.of(diag == null ? null : diag.layers(), diag == null ? null : diag.clipping(),
                    t == null ? Double.NaN : t.stepMillis(), guardEvent(lastPause, now)));
        }
    }

    /** The guard's pause as the panel shows it: the message's first sentence, without "Training paused at step N:". */
    static HealthSummary.GuardEvent guardEvent(Divergence pause, Divergence current) {
        if (pause == null) {
            return null;
        }
        String m = pause.message();
        int colon = m.indexOf(": ");
        String reason = colon >= 0 ? m.substring(colon + 2) : m;
        int end = reason.indexOf(". ");
        reason = end >= 0 ? reason.substring(0, end + 1) : reason;
        return new HealthSummary.GuardEvent(pause.step(), pause.undone(), pause == current, reason);
    }

    /** The stepper's coupling's s and t curves; null before the first trace. */
    public ReadOnlyObjectProperty<ConditionerCurves> conditionerProperty() {
        return conditioner.getReadOnlyProperty();
    }

    /** The numerical-health figures and warnings. */
    public ReadOnlyObjectProperty<HealthSummary> healthProperty() {
        return health.getReadOnlyProperty();
    }
}
