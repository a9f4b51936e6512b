package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowexplorer.model.data.CsvTable;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.data.ToyDensity;
import org.flowexplorer.model.eval.KlGap;
import org.flowexplorer.model.flow.RealNVP;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Computes log p(x) of every point under a model; prints the mean NLL, optionally writes a log_prob column.",
                "With --dataset instead of --data: on N fresh samples of a toy set, also its entropy H(p) (exact density)",
                "and the gap mean_nll - H(p), an estimate of KL(p||q) in nats, each with its standard error.",
                "Fails (exit status 1, nothing written) if any log p(x) is NaN or infinite."})
final class EvalCommand extends CliCommand {
    @Mixin
    ModelOption model;

    @ArgGroup(multiplicity = "1")
    Input input;

    /** Where the points come from: a file, or fresh samples of a toy set. */
    static final class Input {
        @Option(names = "--data", paramLabel = "F.csv", description = "Points (CSV x,y).")
        Path data;

        @ArgGroup(exclusive = false)
        FreshSamples fresh;
    }

    /** {@code --dataset} and how many samples of it: 10 000 make the KL gap's standard error about 0.01 nats. */
    static final class FreshSamples {
        @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Toy set to sample instead of --data.")
        String dataset;

        @Option(names = "--n", defaultValue = "10000", paramLabel = "N", description = "Fresh samples (default: ${DEFAULT-VALUE}).")
        int n;
    }

    @Mixin
    DensityOptions density;

    @Option(names = "--out", paramLabel = "logp.csv", description = "Write log p per point (column log_prob).")
    Path out;

    private ToyDataset set;
    private double s;

    @Override
    void validate() {
        model.validate(this);
        if (input.fresh != null) {
            set = DatasetCommand.parseDataset(this, input.fresh.dataset);
            s = density.validNoise(this, set);
        } else if (density.noise.value != null) {
            throw usage("--noise goes with --dataset (fresh samples), not with --data");
        }
        if (out != null) {
            requireCsv("--out", out);
            if (input.data != null) {
                Outputs.requireNotInput(this, "--out", out, "--data", input.data);
            }
            Outputs.requireWritable(out);
        }
    }

    @Override
    void execute() throws DataFileException {
        RealNVP flow;
        float[] points;
        if (set == null) {
            ModelOption.OnPoints loaded = model.loadWith(this, input.data);
            flow = loaded.flow();
            points = loaded.points();
        } else {
            flow = model.load2d(this);
            int n = input.fresh.n;
            stage("drawing " + n + " fresh " + set.id() + " points");
            points = set.generate(n, s, density.seed());
        }
        double[] values = flow.logProbValues(points); // one pass serves the column, the mean and the gap
        float[] logp = RealNVP.toFloat(values);
        NonFinite.require(logp, "log p(x) values", Models.nonFiniteCause(flow));
        if (out != null) {
            write(out, () -> CsvTable.writeColumns(out, List.of("log_prob"), List.of(logp)));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "eval");
        r.put("model", model.path().toString());
        if (set == null) {
            r.put("data", input.data.toString());
            r.put("n", logp.length);
            r.put("mean_nll", RealNVP.meanNll(values));
        } else {
            putGap(r, KlGap.of(values, ToyDensity.of(set, s).logDensity(points)));
        }
        if (out != null) {
            r.put("out", out.toString());
        }
        emit(r);
    }

    private void putGap(Map<String, Object> r, KlGap g) {
        r.put("dataset", set.id());
        r.put("noise", s);
        r.put("seed", density.seed());
        r.put("n", g.n());
        r.put("mean_nll", g.meanNll());
        r.put("mean_nll_stderr", g.meanNllStderr());
        r.put("entropy_nats", g.entropyNats());
        r.put("entropy_stderr_nats", g.entropyStderrNats());
        r.put("kl_gap_nats", g.klGapNats());
        r.put("kl_gap_stderr_nats", g.klGapStderrNats());
    }
}
