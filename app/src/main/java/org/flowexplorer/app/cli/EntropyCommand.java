package org.flowexplorer.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.Limits;
import org.flowexplorer.model.data.EntropyEstimate;
import org.flowexplorer.model.data.ToyDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "entropy", mixinStandardHelpOptions = true,
        description = {"Estimates a toy data set's differential entropy H(p) in nats by Monte Carlo with its exact density:",
                "the floor of any model's expected NLL on that set (NLL - H estimates KL(p||q)).",
                "Names: swissroll, circles, moons, rings, 8gaussians, pinwheel, 2spirals, checkerboard."})
final class EntropyCommand extends CliCommand {
    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Data set name.")
    String name;

    @Option(names = "--samples", defaultValue = "100000", paramLabel = "N",
            description = "Fresh samples to average over (default: ${DEFAULT-VALUE}).")
    int samples;

    @Mixin
    DensityOptions density;

    private ToyDataset dataset;
    private double s;

    @Override
    void validate() {
        dataset = DatasetCommand.parseDataset(this, name);
        if (samples < 2 || samples > Limits.MAX_POINTS) {
            throw usage("--samples must be from 2 to " + Limits.MAX_POINTS + ", got " + samples);
        }
        s = density.validNoise(this, dataset);
    }

    @Override
    void execute() {
        EntropyEstimate e = EntropyEstimate.monteCarlo(dataset, s, samples, density.seed());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "entropy");
        r.put("dataset", dataset.id());
        r.put("noise", s);
        r.put("samples", samples);
        r.put("seed", density.seed());
        r.put("entropy_nats", e.entropyNats());
        r.put("stderr_nats", e.stderrNats());
        r.put("method", e.method());
        emit(r);
    }
}
