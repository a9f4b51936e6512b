package org.flowexplorer.app.cli;

import picocli.CommandLine.Option;

/** {@code --threads} of the commands that time or run maximum-likelihood training (train, bench). */
final class TrainingThreadsOption {
    @Option(names = "--threads", paramLabel = "T",
            description = {"Threads per training step: the minibatch's rows in slices of at least 32, one per thread,",
                    "gradients summed in a fixed order (default: every core the JVM may use).",
                    "1 is the single-threaded step; flows with batch norm, and reverse-KL (--energy) steps, run on one thread."})
    Integer threads;

    void validate(CliCommand cmd) {
        if (threads != null) {
            cmd.requirePositive("--threads", threads);
        }
    }

    /** The given count, or every core this JVM may use. */
    int resolved() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
