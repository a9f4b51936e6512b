package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowexplorer.model.data.CsvTable;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.flow.RealNVP;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Computes log p(x) of every point under a model; prints the mean NLL, optionally writes a log_prob column.")
final class EvalCommand extends CliCommand {
    @Option(names = "--model", required = true, paramLabel = "M.zip|M.npz", description = "Model file.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "F.csv", description = "Points (CSV x,y).")
    Path data;

    @Option(names = "--out", paramLabel = "logp.csv", description = "Write log p per point (column log_prob).")
    Path out;

    @Override
    void validate() {
        Models.requireModelExtension(this, "--model", model);
        if (out != null) {
            requireCsv("--out", out);
        }
    }

    @Override
    void execute() throws DataFileException {
        RealNVP flow = Models.load(model).model();
        float[] x = readPoints(data);
        Models.requireDim(flow, model, 2, data);
        float[] logp = flow.logProb(x);
        double nll = flow.meanNll(x);
        if (out != null) {
            write(out, () -> CsvTable.writeColumns(out, List.of("log_prob"), List.of(logp)));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "eval");
        r.put("model", model.toString());
        r.put("data", data.toString());
        r.put("n", logp.length);
        r.put("mean_nll", nll);
        if (out != null) {
            r.put("out", out.toString());
        }
        emit(r);
    }
}
