package org.flowexplorer.app.cli;

import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.data.ToyDensity;
import picocli.CommandLine.Mixin;

/**
 * {@code --noise} and {@code --seed} of the commands that average over fresh samples of a toy set
 * with its exact density ({@code entropy}, {@code eval --dataset}), and the check that the density
 * exists at that noise (a curve at noise 0 has none).
 */
final class DensityOptions {
    @Mixin
    NoiseOption noise;

    @Mixin
    SeedOption seed;

    /** The noise for {@code set} (given or its default); a usage error when its density does not exist there. */
    double validNoise(CliCommand cmd, ToyDataset set) {
        noise.validate(cmd);
        double s = noise.of(set);
        try {
            ToyDensity.of(set, s);
        } catch (IllegalArgumentException e) {
            throw cmd.usage("--noise " + s + ": " + e.getMessage());
        }
        return s;
    }

    long seed() {
        return seed.value;
    }
}
