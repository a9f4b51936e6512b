package org.flowexplorer.app.cli;

import org.flowexplorer.model.data.ToyDataset;
import picocli.CommandLine.Option;

/** The {@code --noise} knob of the commands that generate or describe one toy set. */
final class NoiseOption {
    @Option(names = "--noise", paramLabel = "S", description = "Noise knob (default: the set's own default).")
    Double value;

    /** A usage error for a negative or NaN noise. */
    void validate(CliCommand cmd) {
        if (value != null) {
            cmd.requireNonNegative("--noise", value);
        }
    }

    /** The noise given, or {@code set}'s default. */
    double of(ToyDataset set) {
        return value != null ? value : set.defaultNoise();
    }
}
