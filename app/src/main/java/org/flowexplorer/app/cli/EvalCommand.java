package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowexplorer.model.data.CsvTable;
import org.flowexplorer.model.data.DataFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Computes log p(x) of every point under a model; prints the mean NLL, optionally writes a log_prob column.",
                "Fails (exit status 1, nothing written) if any log p(x) is NaN or infinite."})
final class EvalCommand extends CliCommand {
    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "F.csv", description = "Points (CSV x,y).")
    Path data;

    @Option(names = "--out", paramLabel = "logp.csv", description = "Write log p per point (column log_prob).")
    Path out;

    @Override
    void validate() {
        model.validate(this);
        if (out != null) {
            requireCsv("--out", out);
            Outputs.requireNotInput(this, "--out", out, "--data", data);
            Outputs.requireWritable(out);
        }
    }

    @Override
    void execute() throws DataFileException {
        ModelOption.OnPoints input = model.loadWith(this, data);
        float[] logp = input.flow().logProb(input.points());
        NonFinite.require(logp, "log p(x) values", Models.nonFiniteCause(input.flow()));
        double nll = input.flow().meanNll(input.points());
        if (out != null) {
            write(out, () -> CsvTable.writeColumns(out, List.of("log_prob"), List.of(logp)));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "eval");
        r.put("model", model.path().toString());
        r.put("data", data.toString());
        r.put("n", logp.length);
        r.put("mean_nll", nll);
        if (out != null) {
            r.put("out", out.toString());
        }
        emit(r);
    }
}
