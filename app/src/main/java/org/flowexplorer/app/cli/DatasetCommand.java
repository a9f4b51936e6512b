package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PixelDensity;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Generates a toy data set and writes it as a CSV file with columns x,y.",
                "Names: swissroll, circles, moons, rings, 8gaussians, pinwheel, 2spirals, checkerboard, diamond, crescent,"
                        + " sinewave, fourcircles; or --image F.png [--invert] [--square S] for points sampled from an image."})
final class DatasetCommand extends CliCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Data set name.")
    String name;

    @Option(names = "--image", paramLabel = "F.png", description = "Instead of --name: sample from a PNG/JPEG's grey levels.")
    Path image;

    @Mixin
    ImageDensityOptions imageOptions;

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
        if ((name == null) == (image == null)) {
            throw usage("give exactly one of --name and --image");
        }
        imageOptions.validate(this, image);
        if (name != null) {
            dataset = parseDataset(this, name);
        }
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
    void execute() throws DataFileException {
        if (image != null) {
            PixelDensity density = imageOptions.read(image);
            float[] xy = density.sample(n, seed.value);
            write(out.path(), () -> PointCsv.write(out.path(), xy));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("command", "dataset");
            r.put("image", image.toString());
            r.put("pixels", density.gridSize());
            r.put("n", n);
            r.put("seed", seed.value);
            r.put("entropy", density.entropy()); // exact: −Σ p_i ln(p_i / cell area)
            r.put("out", out.path().toString());
            emit(r);
            return;
        }
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
