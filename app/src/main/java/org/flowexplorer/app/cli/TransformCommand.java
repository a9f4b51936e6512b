package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowexplorer.model.data.CsvTable;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "transform", mixinStandardHelpOptions = true,
        description = {"Pushes points through a model: forward (data -> latent z) or inverse (latent -> data).",
                "Writes columns x,y of the result; with --trace, every layer's positions l0_x,l0_y,...,lL_x,lL_y,"
                        + " where l0 is data space and lL latent space in both directions (so for inverse the input"
                        + " is the last pair and the result the first)."})
final class TransformCommand extends CliCommand {
    enum Direction { forward, inverse }

    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "F.csv", description = "Input points (CSV x,y).")
    Path data;

    @Option(names = "--direction", required = true, paramLabel = "forward|inverse",
            description = "forward: x -> z; inverse: z -> x.")
    Direction direction;

    @Option(names = "--trace", description = "Write every layer's positions instead of only the result.")
    boolean trace;

    @Mixin
    CsvOutput output;

    @Override
    void validate() {
        model.validate(this);
        Outputs.requireNotInput(this, "--out", output.path(), "--data", data);
        output.validate(this);
    }

    @Override
    void execute() throws DataFileException {
        ModelOption.OnPoints input = model.loadWith(this, data);
        RealNVP flow = input.flow();
        float[] x = input.points();
        Path out = output.path();
        int n = input.n();
        int dim = flow.dim();
        List<String> header = new ArrayList<>();
        if (trace) {
            FlowTrace t = direction == Direction.forward ? flow.traceForward(x) : flow.traceInverse(x);
            List<float[]> columns = new ArrayList<>();
            for (int l = 0; l <= t.layers(); l++) {
                float[] pos = t.positionsAt(l);
                NonFinite.require(pos, "coordinates at layer " + l, Models.nonFiniteCause(flow));
                for (int d = 0; d < dim; d++) {
                    header.add("l" + l + "_" + axis(d));
                    float[] col = new float[n];
                    for (int i = 0; i < n; i++) {
                        col[i] = pos[i * dim + d];
                    }
                    columns.add(col);
                }
            }
            write(out, () -> CsvTable.writeColumns(out, header, columns));
        } else {
            float[] y = direction == Direction.forward ? flow.forward(x, null) : flow.inverse(x, null);
            NonFinite.require(y, "result coordinates", Models.nonFiniteCause(flow));
            header.add("x");
            header.add("y");
            write(out, () -> PointCsv.write(out, y));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "transform");
        r.put("model", model.path().toString());
        r.put("data", data.toString());
        r.put("direction", direction.name());
        r.put("trace", trace);
        r.put("n", n);
        r.put("layers", flow.spec().layers());
        r.put("columns", header);
        r.put("out", out.toString());
        emit(r);
    }

    private static String axis(int d) {
        return d == 0 ? "x" : d == 1 ? "y" : "d" + d;
    }
}
