package org.flowexplorer.model.io;

import java.util.Objects;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossHistory;

/**
 * Everything needed to reopen a piece of work where it was left: the model and what is known
 * about its training, the exact training points, the control settings and the loss curve.
 * Saved and loaded by {@link SessionFile}.
 *
 * <p>{@code data} is held as given (not copied) and {@code history} is a live, append-only
 * history, so a loaded session can be continued directly: the app keeps training the model and
 * appending to the history. Callers that keep using the arrays after saving should not mutate them.
 *
 * @param model    the flow (the session file is also a loadable model file)
 * @param metadata the model's training metadata (steps taken, config, data set info); its loss
 *                 history is moved into {@code history} (when that is null) and cleared, so the
 *                 session holds its loss curve exactly once
 * @param data     training points [n, 2] row-major; may be empty (a canvas cleared before drawing)
 * @param settings the control state
 * @param history  the loss curve so far
 */
public record Session(RealNVP model, ModelMetadata metadata, float[] data, SessionSettings settings, LossHistory history) {
    public Session {
        Objects.requireNonNull(model, "model");
        metadata = metadata == null ? ModelMetadata.none() : metadata;
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        if (history == null) {
            history = metadata.lossHistory() == null ? new LossHistory() : LossHistory.of(metadata.lossHistory());
        }
        metadata = metadata.withLossHistory(null); // the loss curve lives in history only
        if (data.length % model.dim() != 0) {
            throw new IllegalArgumentException("data has " + data.length + " values, not a multiple of the model's dimension " + model.dim());
        }
    }

    /** Number of training points. */
    public int size() {
        return data.length / model.dim();
    }
}
