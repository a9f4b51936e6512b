package org.flowexplorer.model.io;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * The app's control state saved with a session: where the data came from, the architecture and
 * training settings selected in the controls (normally those the model was built and trained
 * with; the user may have changed them since), and free-form view settings.
 *
 * @param dataSource   provenance of the training points
 * @param architecture the architecture selected in the controls
 * @param training     learning rate, batch size, clip norm and shuffle seed selected in the controls
 * @param view         view state as strings, e.g. {@code density=on}, {@code layer=3}; keys and values
 *                     non-null; owned by the UI, which must tolerate unknown or missing keys
 *                     (stored sorted and unmodifiable)
 */
public record SessionSettings(DataSource dataSource, Architecture architecture, TrainingConfig training,
        Map<String, String> view) {

    public SessionSettings {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(training, "training");
        view = view == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(view));
    }

    public SessionSettings withView(Map<String, String> newView) {
        return new SessionSettings(dataSource, architecture, training, newView);
    }
}
