package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSmoothing;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a RealNVP flow by maximum likelihood on a CSV file or a generated toy data set.",
                "Prints a progress object {\"step\",\"loss\"} about every 10%% of the steps (loss = mean minibatch"
                        + " loss since the previous report), then the result object.",
                "A .zip model keeps the loss history (every step's minibatch NLL, and the --test NLL at each report)"
                        + " for 'render --view loss'."})
final class TrainCommand extends CliCommand {
    static final int DEFAULT_DATASET_N = 2000;

    static final class Source {
        @Option(names = "--data", required = true, paramLabel = "F.csv", description = "Training points (CSV x,y).")
        Path data;

        @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Generate a toy data set instead.")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--n", paramLabel = "N", description = "Points to generate with --dataset (default: " + DEFAULT_DATASET_N + ").")
    Integer n;

    @Option(names = "--noise", paramLabel = "S", description = "Noise knob for --dataset (default: the set's own).")
    Double noise;

    @Option(names = "--test", paramLabel = "F.csv", description = "Held-out points; their mean NLL is reported as test_nll.")
    Path test;

    @Option(names = "--layers", paramLabel = "L", defaultValue = "8", description = "Coupling layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256,256", split = ",", paramLabel = "W",
            description = "Hidden widths of each coupling's MLP (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--coupling", defaultValue = "affine", paramLabel = "affine|additive",
            description = "Coupling type (default: ${DEFAULT-VALUE}).")
    String coupling;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "256", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000", description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "1.0",
            description = "Gradient norm clip, 0 disables clipping (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seeds data generation, initialisation and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "M.zip|M.npz", description = "Where to save the trained model.")
    Path out;

    private ToyDataset dataset;
    private CouplingType couplingType;

    @Override
    void validate() {
        if (source.dataset != null) {
            dataset = DatasetCommand.parseDataset(this, source.dataset);
            if (n != null) {
                requirePositive("--n", n);
            }
            if (noise != null) {
                requireNonNegative("--noise", noise);
            }
        } else if (n != null || noise != null) {
            throw usage((n != null ? "--n" : "--noise") + " only applies to --dataset, not to --data");
        }
        if (layers < 1) {
            throw usage("--layers must be at least 1, got " + layers);
        }
        if (hidden.length == 0) {
            throw usage("--hidden needs at least one width");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw usage("--hidden widths must be positive integers, got " + joined(hidden));
            }
        }
        try {
            couplingType = CouplingType.fromId(coupling);
        } catch (IllegalArgumentException e) {
            throw usage("--coupling must be affine or additive, got '" + coupling + "'");
        }
        requirePositive("--batch", batch);
        requirePositive("--lr", lr);
        requirePositive("--steps", steps);
        requireNonNegative("--clip", clip);
        if (out != null) {
            Models.requireModelExtension(this, "--out", out);
        }
    }

    @Override
    void execute() throws DataFileException {
        long t0 = System.nanoTime();
        float[] data;
        int dataN;
        double dataNoise = Double.NaN;
        if (dataset != null) {
            dataN = n != null ? n : DEFAULT_DATASET_N;
            dataNoise = noise != null ? noise : dataset.defaultNoise();
            data = dataset.generate(dataN, dataNoise, seed);
        } else {
            data = readPoints(source.data);
            dataN = data.length / 2;
        }
        float[] testData = test != null ? readPoints(test) : null;

        FlowSpec spec = FlowSpec.alternating(2, layers, hidden, couplingType);
        RealNVP model = RealNVP.create(spec, seed);
        TrainingConfig config = new TrainingConfig(batch, lr, clip, seed);
        double initialNll = model.meanNll(data);
        Trainer trainer = new Trainer(model, data, config);

        long[] stepNanos = new long[steps];
        LossHistory history = new LossHistory();
        LossSmoothing smoothing = new LossSmoothing(); // the history stores what the app stores
        int every = Math.max(1, steps / 10);
        double windowLoss = 0;
        int windowSteps = 0;
        for (int i = 0; i < steps; i++) {
            long s0 = System.nanoTime();
            double loss = trainer.step();
            stepNanos[i] = System.nanoTime() - s0;
            double measuredTest = Double.NaN;
            windowLoss += loss;
            windowSteps++;
            int done = i + 1;
            if (done % every == 0 || done == steps) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("step", done);
                p.put("loss", windowLoss / windowSteps);
                emit(p);
                if (testData != null) {
                    measuredTest = model.meanNll(testData);
                }
                windowLoss = 0;
                windowSteps = 0;
            }
            history.append(trainer.steps(), smoothing.add(loss), measuredTest);
        }
        double trainNll = model.meanNll(data);
        Double testNll = testData != null ? model.meanNll(testData) : null;

        if (out != null) {
            ModelMetadata.DatasetInfo info = dataset != null
                    ? new ModelMetadata.DatasetInfo(dataset.id(), dataN, dataNoise, seed)
                    : new ModelMetadata.DatasetInfo(String.valueOf(source.data.getFileName()), dataN, null, null);
            Models.save(out, model, ModelMetadata.trained(config, trainer.steps()).withDataset(info)
                    .withAppVersion(FlowCli.version()).withLossHistory(history.snapshot()));
        }
        double wall = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "train");
        if (dataset != null) {
            r.put("dataset", dataset.id());
            r.put("noise", dataNoise);
        } else {
            r.put("data", source.data.toString());
        }
        r.put("n", dataN);
        if (test != null) {
            r.put("test", test.toString());
            r.put("test_n", testData.length / 2);
        }
        r.put("layers", layers);
        r.put("hidden", hidden);
        r.put("coupling", couplingType.id());
        r.put("batch", batch);
        r.put("lr", lr);
        r.put("clip", clip);
        r.put("seed", seed);
        r.put("parameters", model.parameterCount());
        r.put("steps", trainer.steps());
        r.put("ms_per_step_median", round(medianMillis(stepNanos), 4));
        r.put("initial_train_nll", initialNll);
        r.put("train_nll", trainNll);
        if (testNll != null) {
            r.put("test_nll", testNll);
        }
        r.put("wall_s", round(wall, 3));
        if (out != null) {
            r.put("out", out.toString());
        }
        emit(r);
    }

    static double medianMillis(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        double med = s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
        return med / 1e6;
    }

    private static String joined(int[] a) {
        return Arrays.toString(a).replaceAll("[\\[\\] ]", "");
    }
}
