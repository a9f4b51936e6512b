package org.flowexplorer.app.cli;

import picocli.CommandLine.Option;

/** {@code --batch} and {@code --lr} of the commands that train. */
final class OptimiserOptions {
    @Option(names = "--batch", paramLabel = "B", defaultValue = "256", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    void validate(CliCommand cmd) {
        cmd.requirePositive("--batch", batch);
        cmd.requirePositive("--lr", lr);
    }

    /** The minibatch the trainer really uses: never more than the data has. */
    int batchFor(int points) {
        return Math.min(batch, points);
    }
}
