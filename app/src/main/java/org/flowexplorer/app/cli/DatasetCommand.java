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

    @Mixin
    NoiseOption noise;

    @Mixin
    SeedOption seed;

    @Mixin
    CsvOutput out;

    private ToyDataset dataset;

    @Override
    void validate() {
        dataset = parseDataset(this, name);
        noise.validate(this);
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
        double s = noise.of(dataset);
        float[] xy = dataset.generate(n, s, seed.value);
        write(out.path(), () -> PointCsv.write(out.path(), xy));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "dataset");
        r.put("name", dataset.id());
        r.put("n", n);
        r.put("noise", s);
        r.put("seed", seed.value);
        r.put("out", out.path().toString());
        emit(r);
    }
}
