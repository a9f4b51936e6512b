package org.flowexplorer.app.worker;

/** Where view models send commands; the worker in the app, a recorder in tests. */
@FunctionalInterface
public interface CommandSink {
    void submit(Command command);
}
