package org.flowexplorer.app.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.flowexplorer.app.scene.LayerAnatomy;
import org.flowexplorer.app.scene.LogDetMap;

/**
 * What the "Log-det &amp; Jacobian" tab shows for the stepper's coupling k: the worker's
 * {@link LayerAnatomy} (log-det maps, Jacobian glyphs, the query point's waterfall and matrices)
 * and the toggle between layer k's own log|det J_k| (over its input plane) and the cumulative
 * Σ_{l ≤ k} log|det J_l| (over data space). FX thread.
 */
public final class LogDetViewModel {
    private final ReadOnlyObjectWrapper<LayerAnatomy> anatomy = new ReadOnlyObjectWrapper<>(this, "anatomy");
    private final BooleanProperty cumulative = new SimpleBooleanProperty(this, "cumulative");
    private final ReadOnlyObjectWrapper<LogDetMap> map = new ReadOnlyObjectWrapper<>(this, "map");

    private final CommandChannel commands;
    private boolean visible;

    LogDetViewModel(CommandChannel commands) {
        this.commands = commands;
        cumulative.addListener(o -> showMap());
        anatomy.addListener(o -> showMap());
    }

    /** Tells the worker whether the tab is shown (hidden, it does not follow training). */
    public void setVisible(boolean shown) {
        if (shown != visible) {
            visible = shown;
            commands.send(new org.flowexplorer.app.worker.Command.ShowLayerAnatomy(shown));
        }
    }

    void accept(SnapshotDiff d) {
        if (d.layerAnatomyChanged()) {
            anatomy.set(d.layerAnatomy());
        }
    }

    private void showMap() {
        LayerAnatomy a = anatomy.get();
        map.set(a == null ? null : cumulative.get() ? a.cumulative() : a.perLayer());
    }

    /** The stepper coupling's view data; null until the worker has computed it. */
    public ReadOnlyObjectProperty<LayerAnatomy> anatomyProperty() {
        return anatomy.getReadOnlyProperty();
    }

    /** Whether the map shows Σ_{l ≤ k} log|det J_l| over data space instead of log|det J_k| over h_{k−1}. */
    public BooleanProperty cumulativeProperty() {
        return cumulative;
    }

    /** The map the toggle selects; null until computed. */
    public ReadOnlyObjectProperty<LogDetMap> mapProperty() {
        return map.getReadOnlyProperty();
    }
}
