package org.flowexplorer.app.cli;

import org.flowexplorer.model.data.ToyDataset;
import picocli.CommandLine.Option;

/** {@code --dataset} and {@code --n} of the commands that train on a generated toy set (bench, soak). */
final class ToyDataOptions {
    @Option(names = "--dataset", defaultValue = "moons", paramLabel = "NAME", description = "Toy data set (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--n", defaultValue = "10000", paramLabel = "N", description = "Training points (default: ${DEFAULT-VALUE}).")
    int n;

    private ToyDataset set;

    /** Checks the name (the count is checked for every command, see CliCommand); the set is known afterwards. */
    void validate(CliCommand cmd) {
        set = DatasetCommand.parseDataset(cmd, name);
    }

    ToyDataset set() {
        return set;
    }

    /** {@code count} points of the set with its default noise. */
    float[] generate(int count, long seed) {
        return set.generate(count, set.defaultNoise(), seed);
    }
}
