package org.flowexplorer.app.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} of the commands whose randomness has one seed (data, samples, a soak run). */
final class SeedOption {
    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long value;
}
