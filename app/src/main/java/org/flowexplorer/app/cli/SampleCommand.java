package org.flowexplorer.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.RealNVP;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draws points from a model (z ~ N(0, I) pushed through the inverse) and writes them as CSV x,y.")
final class SampleCommand extends CliCommand {
    @Mixin
    ModelOption model;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of points.")
    int n;

    @Mixin
    SeedOption seed;

    @Mixin
    CsvOutput out;

    @Override
    void validate() {
        model.validate(this);
        out.validate(this);
    }

    @Override
    void execute() {
        RealNVP flow = model.load2d(this);
        stage("sampling " + n + " points");
        float[] xy = flow.samplePoints(n, seed.value);
        NonFinite.require(xy, "sampled coordinates", Models.nonFiniteCause(flow));
        write(out.path(), () -> PointCsv.write(out.path(), xy));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "sample");
        r.put("model", model.path().toString());
        r.put("n", n);
        r.put("seed", seed.value);
        r.put("out", out.path().toString());
        emit(r);
    }
}
