package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window tells the user, from every action: {@link #info} is a line for the status bar,
 * {@link #error} a failure that the {@link StatusBar} shows as one dialog (a header saying what
 * failed, a plain message saying why, never a stack trace). FX thread.
 */
public final class Notifications {
    /** One reported failure. */
    public record Error(String title, String message) {
        public Error {
            Objects.requireNonNull(title);
            Objects.requireNonNull(message);
        }
    }

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final List<Consumer<Error>> errorListeners = new ArrayList<>();

    /** Reports a success or a state change, e.g. "Saved latent.png (1200 × 1200 px)." */
    public void info(String text) {
        message.set(Objects.requireNonNull(text));
    }

    /** Reports a failure: every error listener sees it, even when it repeats the last one. */
    public void error(String title, String text) {
        Error e = new Error(title, text);
        for (Consumer<Error> l : List.copyOf(errorListeners)) {
            l.accept(e);
        }
    }

    /** The last {@link #info} line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void addErrorListener(Consumer<Error> listener) {
        errorListeners.add(Objects.requireNonNull(listener));
    }
}
