package org.flowexplorer.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.energy.Potential;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSmoothing;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * {@code train --energy U}: reverse-KL fitting of the flow to exp(−U) ({@link Trainer#reverseKl}),
 * with the same progress objects as maximum-likelihood training and a model saved like any other.
 * The loss is mean(log q(x) + U(x)) over each step's fresh base draws: KL(q‖p*) − log Z.
 */
final class EnergyTraining {
    /** Base draws for the initial and final loss: standard error about 0.01 nats. */
    static final int EVALUATION_DRAWS = 20_000;

    private EnergyTraining() {
    }

    static void run(TrainCommand cmd, Potential energy) {
        long t0 = System.nanoTime();
        RealNVP model = RealNVP.create(cmd.architecture.spec(cmd.couplingOption.type), cmd.seed);
        TrainingConfig config = new TrainingConfig(cmd.optimiser.batch, cmd.optimiser.lr, cmd.clip, cmd.seed);
        double initial = evaluate(model, energy, cmd.seed);
        Trainer trainer = Trainer.reverseKl(model, energy, config);
        LossHistory history = new LossHistory();
        LossSmoothing smoothing = new LossSmoothing();
        int every = Math.max(1, cmd.steps / 10);
        double window = 0;
        for (int i = 1; i <= cmd.steps; i++) {
            double loss = trainer.step();
            if (!Double.isFinite(loss) || !Double.isFinite(trainer.lastGradientNorm())) {
                throw new CliFailure(DivergenceGuard.message(i, "the reverse-KL loss or its gradient became " + loss,
                        cmd.optimiser.lr, cmd.clip));
            }
            window += loss;
            if (i % every == 0 || i == cmd.steps) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("step", i);
                p.put("loss", window / (i % every == 0 ? every : i % every));
                cmd.emit(p);
                window = 0;
            }
            history.append(trainer.steps(), smoothing.add(loss), Double.NaN);
        }
        double last = evaluate(model, energy, cmd.seed + 1);
        if (cmd.out != null) {
            ModelMetadata metadata = ModelMetadata.trained(config, trainer.steps())
                    .withDataset(ModelMetadata.DatasetInfo.named("energy " + energy.name()))
                    .withAppVersion(FlowCli.version()).withLossHistory(history.snapshot());
            Models.save(cmd.out, model, metadata);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "train");
        r.put("energy", energy.name());
        r.put("layers", cmd.architecture.layers);
        r.put("hidden", cmd.architecture.hidden);
        r.put("coupling", cmd.couplingOption.type.id());
        r.put("batch", config.batchSize());
        r.put("lr", config.learningRate());
        r.put("clip", cmd.clip);
        r.put("seed", cmd.seed);
        r.put("parameters", model.parameterCount());
        r.put("steps", trainer.steps());
        r.put("initial_reverse_kl", initial);
        r.put("reverse_kl", last);
        r.put("wall_s", CliCommand.round((System.nanoTime() - t0) / 1e9, 3));
        if (cmd.out != null) {
            r.put("out", cmd.out.toString());
        }
        cmd.emit(r);
    }

    /** mean(log q(x) + U(x)) on fresh draws (the gradient it also writes is not used). */
    private static double evaluate(RealNVP model, Potential energy, long seed) {
        return model.reverseKlAndGradient(model.standardNormal(EVALUATION_DRAWS, seed ^ 0x5DEECE66DL), energy);
    }
}
