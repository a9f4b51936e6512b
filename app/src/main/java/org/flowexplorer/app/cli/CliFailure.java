package org.flowexplorer.app.cli;

/** A command failed while running; the message is shown to the user as is (exit status 1). */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
