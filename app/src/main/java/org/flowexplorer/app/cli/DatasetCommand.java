package org.flowexplorer.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Generates a toy data set and writes it as a CSV file with columns x,y.",
                "Names: swissroll, circles, moons, rings, 8gaussians, pinwheel, 2spirals, checkerboard."})
final class DatasetCommand extends CliCommand {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Data set name.")
    String name;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of points.")
    int n;

    @Option(names = "--noise", paramLabel = "S", description = "Noise knob (default: the set's own default).")
    Double noise;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CsvOutput out;

    private ToyDataset dataset;

    @Override
    void validate() {
        dataset = parseDataset(this, name);
        if (noise != null) {
            requireNonNegative("--noise", noise);
        }
        out.validate(this);
    }

    static ToyDataset parseDataset(CliCommand cmd, String name) {
        try {
            return ToyDataset.fromId(name);
        } catch (IllegalArgumentException e) {
            throw cmd.usage(e.getMessage());
        }
    }

    @Override
    void execute() {
        double s = noise != null ? noise : dataset.defaultNoise();
        float[] xy = dataset.generate(n, s, seed);
        write(out.path(), () -> PointCsv.write(out.path(), xy));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "dataset");
        r.put("name", dataset.id());
        r.put("n", n);
        r.put("noise", s);
        r.put("seed", seed);
        r.put("out", out.path().toString());
        emit(r);
    }
}
