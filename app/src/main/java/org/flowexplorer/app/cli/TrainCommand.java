package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PixelDensity;
import org.flowexplorer.model.data.ToyDensity;
import org.flowexplorer.model.energy.Potential;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSmoothing;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a RealNVP flow by maximum likelihood on a CSV file, a generated toy data set or points sampled"
                + " from an image; or, with --energy, by reverse KL to an unnormalised density exp(-U).",
                "Prints a progress object {\"step\",\"loss\"} about every 10%% of the steps (loss = mean minibatch"
                        + " loss since the previous report), then the result object.",
                "A .zip model keeps the loss history (every step's smoothed minibatch NLL, as the app stores it, and the --test NLL at each report)"
                        + " for 'render --view loss'.",
                "Stops with exit status 1 when training diverges (a NaN or infinite loss or gradient, or a loss over"
                        + " 1e4 and 100x the first step's); the model is then not saved unless --save-diverged."})
final class TrainCommand extends CliCommand {
    static final int DEFAULT_DATASET_N = 2000;

    static final class Source {
        @Option(names = "--data", required = true, paramLabel = "F.csv", description = "Training points (CSV x,y).")
        Path data;

        @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Generate a toy data set instead.")
        String dataset;

        @Option(names = "--image", required = true, paramLabel = "F.png",
                description = "Sample --n points from a PNG/JPEG's grey levels as a density (see --invert, --square).")
        Path image;

        @Option(names = "--energy", required = true, paramLabel = "U",
                description = "Fit exp(-U) by reverse KL instead (no data): U1..U4 (Rezende & Mohamed 2015) or a formula in x1, x2.")
        String energy;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--n", paramLabel = "N", description = "Points to generate with --dataset (default: " + DEFAULT_DATASET_N + ").")
    Integer n;

    @Option(names = "--noise", paramLabel = "S", description = "Noise knob for --dataset (default: the set's own).")
    Double noise;

    @Option(names = "--test", paramLabel = "F.csv", description = "Held-out points; their mean NLL is reported as test_nll.")
    Path test;

    @Mixin
    ImageDensityOptions imageOptions;

    @Mixin
    ArchitectureOptions architecture;

    @Mixin
    CouplingOption couplingOption;

    @Mixin
    OptimiserOptions optimiser;

    @Mixin
    TrainingThreadsOption trainingThreads;

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

    @Option(names = "--checkpoints", paramLabel = "N", description = "Keep N checkpoints of the parameters on the"
            + " replay schedule (every step to 50, then log-spaced, plus every 1000; thinned evenly on a log-step axis)"
            + " in the --out .zip, for 'render --step' and 'render --view replay'.")
    Integer checkpoints;

    @Option(names = "--save-diverged", description = "Save the model to --out even if training diverged (exit status stays 1).")
    boolean saveDiverged;

    private ToyDataset dataset;
    private Potential energy;

    @Override
    void validate() {
        imageOptions.validate(this, source.image);
        architecture.validate(this, couplingOption.type); // first: the energy checks read its parsed blocks
        if (source.energy != null) {
            energy = parseEnergy();
        }
        if (source.dataset != null) {
            dataset = DatasetCommand.parseDataset(this, source.dataset);
            if (noise != null) {
                requireNonNegative("--noise", noise);
            }
        } else if (noise != null || (n != null && source.image == null)) {
            throw usage((noise != null ? "--noise" : "--n") + " only applies to --dataset" + (noise != null ? "" : " or --image"));
        }
        optimiser.validate(this);
        trainingThreads.validate(this);
        requirePositive("--steps", steps);
        requireNonNegative("--clip", clip);
        if (out != null) {
            Models.requireModelExtension(this, "--out", out);
            Models.requireStateDictFor(this, "--out", out, couplingOption.type);
            Outputs.requireWritable(out);
        }
        ReplayRender.validateTrain(this, checkpoints, out);
    }

    private Potential parseEnergy() {
        if (test != null) {
            throw usage("--test does not apply to --energy (there are no data)");
        }
        if (architecture.batchNorm()) {
            throw usage("--energy: reverse-KL fitting does not support batch normalisation (--batchnorm)");
        }
        if (architecture.norm() != Norm.NONE || architecture.mixer() != Mixer.NONE) {
            throw usage("--energy: reverse-KL fitting does not support --norm act or --mixer");
        }
        if (!architecture.base().isGaussian()) {
            throw usage("--energy: reverse-KL fitting samples the standard normal; it does not support --base " + architecture.base().id());
        }
        try {
            return Potential.of(source.energy);
        } catch (IllegalArgumentException e) {
            throw usage("--energy: " + e.getMessage());
        }
    }

    @Override
    String oomAdvice() {
        return "use smaller --hidden widths (now " + architecture.hiddenText() + "), fewer --layers or fewer points,"
                + " or give Java more memory with -Xmx";
    }

    @Override
    void execute() throws DataFileException {
        if (energy != null) {
            EnergyTraining.run(this, energy);
            return;
        }
        long t0 = System.nanoTime();
        float[] data;
        int dataN;
        double dataNoise = Double.NaN;
        OptionalDouble entropy = OptionalDouble.empty();
        if (source.image != null) {
            stage("reading " + source.image);
            PixelDensity density = imageOptions.read(source.image);
            dataN = n != null ? n : DEFAULT_DATASET_N;
            data = density.sample(dataN, seed);
            entropy = OptionalDouble.of(density.entropy());
        } else if (dataset != null) {
            dataN = n != null ? n : DEFAULT_DATASET_N;
            dataNoise = noise != null ? noise : dataset.defaultNoise();
            stage("generating " + dataN + " points");
            data = dataset.generate(dataN, dataNoise, seed);
            entropy = exactEntropy(dataset, dataNoise);
        } else {
            stage("reading " + source.data);
            data = readPoints(source.data);
            dataN = data.length / 2;
        }
        stage("reading " + test);
        float[] testData = test != null ? readPoints(test) : null;

        stage("building a model with --hidden " + architecture.hiddenText());
        RealNVP model = RealNVP.create(architecture.spec(couplingOption.type), seed);
        TrainingConfig config = new TrainingConfig(optimiser.batchFor(dataN), optimiser.lr, clip, seed, trainingThreads.resolved());
        stage("computing the initial NLL of " + dataN + " points with --hidden " + architecture.hiddenText());
        double initialNll = model.meanNll(data);
        Trainer trainer = new Trainer(model, data, config);
        org.flowexplorer.model.train.CheckpointStore store = ReplayRender.trainStore(checkpoints, model);

        stage("training with --hidden " + architecture.hiddenText() + " and batch " + config.batchSize());
        long[] stepNanos = new long[steps];
        LossHistory history = new LossHistory();
        LossSmoothing smoothing = new LossSmoothing(); // the history stores what the app stores
        DivergenceGuard guard = new DivergenceGuard();
        Optional<String> diverged = Optional.empty();
        int every = Math.max(1, steps / 10);
        double windowLoss = 0;
        int windowSteps = 0;
        int taken = 0;
        for (int i = 0; i < steps && diverged.isEmpty(); i++) {
            long s0 = System.nanoTime();
            double loss = trainer.step();
            stepNanos[i] = System.nanoTime() - s0;
            taken = i + 1;
            diverged = guard.check(trainer);
            if (diverged.isPresent()) {
                break;
            }
            double measuredTest = Double.NaN;
            windowLoss += loss;
            windowSteps++;
            if (taken % every == 0 || taken == steps) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("step", taken);
                p.put("loss", windowLoss / windowSteps);
                emit(p);
                if (testData != null) {
                    measuredTest = model.meanNll(testData);
                }
                windowLoss = 0;
                windowSteps = 0;
            }
            history.append(trainer.steps(), smoothing.add(loss), measuredTest);
            if (store != null) {
                store.offer(trainer.steps(), model);
            }
        }
        if (diverged.isEmpty() && Models.nonFiniteParameters(model) > 0) {
            diverged = Optional.of(Models.nonFiniteCause(model));
        }
        ModelMetadata.DatasetInfo info = dataset != null
                ? new ModelMetadata.DatasetInfo(dataset.id(), dataN, dataNoise, seed)
                : new ModelMetadata.DatasetInfo(String.valueOf((source.data != null ? source.data : source.image).getFileName()),
                        dataN, null, source.image != null ? seed : null);
        ModelMetadata metadata = ModelMetadata.trained(config, trainer.steps()).withDataset(info)
                .withAppVersion(FlowCli.version()).withLossHistory(history.snapshot());
        if (diverged.isPresent()) {
            String why = DivergenceGuard.message(taken, diverged.get(), optimiser.lr, clip);
            if (out != null && saveDiverged) {
                Models.save(out, model, metadata);
                why += "; saved anyway to " + out + " (--save-diverged)";
            } else if (out != null) {
                why += "; " + out + " not written (--save-diverged writes it anyway)";
            }
            throw new CliFailure(why);
        }
        stage("computing the final NLL of " + dataN + " points");
        double trainNll = model.meanNll(data);
        Double testNll = testData != null ? model.meanNll(testData) : null;
        if (out != null && store != null) {
            CliCommand.write(out, () -> org.flowexplorer.model.io.CheckpointFile.saveModel(out, model, metadata,
                    ReplayRender.finished(store, trainer.steps(), model)));
        } else if (out != null) {
            Models.save(out, model, metadata);
        }
        double wall = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "train");
        if (dataset != null) {
            r.put("dataset", dataset.id());
            r.put("noise", dataNoise);
        } else if (source.image != null) {
            r.put("image", source.image.toString());
        } else {
            r.put("data", source.data.toString());
        }
        r.put("n", dataN);
        if (test != null) {
            r.put("test", test.toString());
            r.put("test_n", testData.length / 2);
        }
        r.put("layers", architecture.layers);
        r.put("hidden", architecture.hidden);
        r.put("coupling", couplingOption.type.id());
        if (couplingOption.type.hasScale()) {
            r.put("scale", architecture.scale().id());
        }
        if (couplingOption.type == CouplingType.SPLINE) {
            r.put("bins", architecture.spline().bins());
            r.put("tail_bound", architecture.spline().bound());
        }
        r.put("batchnorm", architecture.batchNorm());
        r.put("norm", architecture.norm().id());
        r.put("mixer", architecture.mixer().id());
        r.put("base", architecture.base().id());
        r.put("batch", config.batchSize());
        r.put("threads", config.threads());
        r.put("lr", optimiser.lr);
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
        if (entropy.isPresent()) {
            // the exact H(p) of the generating density: the NLL no model can beat, so the gap estimates KL(p‖q)
            r.put("entropy", entropy.getAsDouble());
            r.put("kl_gap", (testNll != null ? testNll : trainNll) - entropy.getAsDouble());
        }
        r.put("wall_s", round(wall, 3));
        if (out != null) {
            r.put("out", out.toString());
        }
        if (store != null) {
            r.put("checkpoints", store.size());
        }
        emit(r);
    }

    /** H(p) of a toy set where {@link ToyDensity#exactEntropy} has it (at noise 0 most sets have no density). */
    static OptionalDouble exactEntropy(ToyDataset set, double noise) {
        try {
            return ToyDensity.of(set, noise).exactEntropy();
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
    }

    static double medianMillis(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        double med = s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
        return med / 1e6;
    }
}
