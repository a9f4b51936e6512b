package org.flowexplorer.app.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's line and the last failure to show in a dialog. The worker's line replaces a
 * file operation's message only when the worker has something new to say.
 */
public final class StatusLine {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Preparing model…");
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private String workerLine = "";

    /** The worker's current line; shown when it differs from the last one it sent. */
    void fromWorker(String line) {
        if (!line.equals(workerLine)) {
            workerLine = line;
            message.set(line);
        }
    }

    public void info(String text) {
        message.set(text);
    }

    /** Shows {@code text} and raises it as a failure (the same failure twice is still news). */
    public void error(String text) {
        message.set(text);
        failure.set(null);
        failure.set(text);
    }

    /** Forgets the last failure (after the UI has shown it). */
    public void clearFailure() {
        failure.set(null);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Set (non-null) after a failure: one message naming the file and the reason. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
