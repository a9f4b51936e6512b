package org.flowexplorer.app.viewmodel;

import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.CommandSink;

/**
 * The view models' one way to the worker: counts what it sent, so a snapshot published before the
 * worker handled a command can be recognised as stale (see {@link TrainingControlsViewModel}).
 */
public final class CommandChannel {
    private final CommandSink sink;
    private long sent;

    public CommandChannel(CommandSink sink) {
        this.sink = sink;
    }

    public void send(Command c) {
        sent++;
        sink.submit(c);
    }

    /** How many commands were sent so far. */
    public long sent() {
        return sent;
    }
}
