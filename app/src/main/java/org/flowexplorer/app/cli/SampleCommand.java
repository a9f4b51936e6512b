package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.RealNVP;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draws points from a model (z ~ N(0, I) pushed through the inverse) and writes them as CSV x,y.")
final class SampleCommand extends CliCommand {
    @Option(names = "--model", required = true, paramLabel = "M.zip|M.npz", description = "Model file.")
    Path model;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of points.")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Output CSV file.")
    Path out;

    @Override
    void validate() {
        Models.requireModelExtension(this, "--model", model);
        requirePositive("--n", n);
        requireCsv("--out", out);
    }

    @Override
    void execute() {
        RealNVP flow = Models.load(model).model();
        Models.requireDim(flow, model, 2, null);
        float[] xy = flow.samplePoints(n, seed);
        int bad = Models.countNonFinite(xy);
        if (bad > 0) {
            throw new CliFailure(bad + " sampled coordinates are not finite numbers (the model's inverse overflows); nothing written");
        }
        write(out, () -> PointCsv.write(out, xy));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "sample");
        r.put("model", model.toString());
        r.put("n", n);
        r.put("seed", seed);
        r.put("out", out.toString());
        emit(r);
    }
}
