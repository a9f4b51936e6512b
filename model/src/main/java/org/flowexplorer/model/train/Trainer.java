package org.flowexplorer.model.train;

import java.util.SplittableRandom;
import org.flowexplorer.model.flow.Energy;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * Maximum-likelihood training of a flow, one step at a time (so a UI can drive it), as the seed's
 * training loop: each epoch visits the data in a fresh seeded shuffle, in minibatches (the last one
 * of an epoch may be smaller, like a DataLoader without drop_last); each step minimises the mean
 * NLL with backpropagation, total-gradient-norm clipping and Adam.
 *
 * <p>{@link #guardedStep()} also keeps a copy of the parameters (and batch norms' running
 * statistics) and of Adam's state from before
 * the step and reports whether loss, gradient and parameters stayed finite, so that a diverged
 * step can be undone with {@link #restoreBeforeLastStep()}; {@link #step()} is the unguarded step
 * (no copy) for runs that stop at the first non-finite value anyway.
 *
 * <p>{@link #reverseKl} makes the other kind of trainer (Rezende &amp; Mohamed 2015): no data, an
 * unnormalised target exp(−U) instead. Each step draws a fresh seeded batch z ~ N(0, I), pushes it
 * through the inverse, x = f⁻¹(z), and minimises
 * {@code mean(log q(x) + U(x)) = KL(q‖p*) − log Z} (plus Monte-Carlo error), with the same clipping,
 * Adam and guarded steps. Because the loss is an expectation under q, mass on a mode q never visits
 * costs nothing: reverse KL is mode-seeking, maximum likelihood mass-covering.
 *
 * <p>Learning rate and batch size may change between steps. Not thread-safe: the trainer and its
 * model belong to one thread.
 */
public final class Trainer {
    /** How many recent steps {@link #clipping()} reports on. */
    public static final int CLIP_WINDOW = 100;
    private final RealNVP model;
    private final float[] data;
    private final int n;
    private final Adam<?> adam;
    private final SplittableRandom shuffleRng;
    private final int[] order;
    private TrainingConfig config;
    private int position;
    private long epoch;
    private double lastLoss = Double.NaN;
    private double lastGradNorm = Double.NaN;
    private Undo<?> undo;
    private final ClippingWindow clipped = new ClippingWindow(CLIP_WINDOW);
    /** The reverse-KL target, or null for maximum likelihood on {@link #data}. */
    private final Energy energy;

    /** @param data training points [N, D] row-major (not copied: do not modify it while training) */
    public Trainer(RealNVP model, float[] data, TrainingConfig config) {
        if (data.length == 0 || data.length % model.dim() != 0) {
            throw new IllegalArgumentException("training data must hold a positive multiple of " + model.dim() + " values");
        }
        this.model = model;
        this.data = data;
        this.n = data.length / model.dim();
        this.config = config;
        this.adam = newAdam(model.parameterStore());
        this.shuffleRng = new SplittableRandom(config.seed());
        this.order = new int[n];
        this.position = n; // first step starts an epoch
        this.energy = null;
    }

    private Trainer(RealNVP model, Energy energy, TrainingConfig config) {
        model.requireReverseKl(); // up front, not at the first step
        this.model = model;
        this.energy = java.util.Objects.requireNonNull(energy, "energy");
        this.data = new float[0];
        this.n = 0;
        this.config = config;
        this.adam = newAdam(model.parameterStore());
        this.shuffleRng = new SplittableRandom(config.seed()); // here: the base draws
        this.order = new int[0];
        this.position = 0;
        this.epoch = 1; // one endless "epoch" of fresh draws
    }

    /**
     * A reverse-KL trainer of {@code model} towards exp(−U) (see the class comment); its steps draw
     * {@link TrainingConfig#batchSize()} base points each, seeded by {@link TrainingConfig#seed()}.
     *
     * @throws IllegalArgumentException for a flow with batch normalisation, other blocks or a mixture base
     */
    public static Trainer reverseKl(RealNVP model, Energy energy, TrainingConfig config) {
        return new Trainer(model, energy, config);
    }

    /** The reverse-KL target, or null when this trainer maximises the likelihood of data. */
    public Energy energy() {
        return energy;
    }

    private static <A> Adam<A> newAdam(ParameterStore<A> store) {
        return new Adam<>(store);
    }

    /** Runs one optimisation step and returns the minibatch's mean NLL (or reverse-KL loss) before the update. */
    public double step() {
        if (energy == null && position >= n) {
            reshuffle();
        }
        if (undo != null) {
            undo.valid = false; // the copy no longer describes the state before the last step
        }
        return update();
    }

    /**
     * One optimisation step like {@link #step()}, after copying the parameters, Adam's moments and
     * step count and the position in the epoch; the copy costs one pass over three parameter-sized
     * buffers. Whatever the report says, the step has been applied: call
     * {@link #restoreBeforeLastStep()} to undo it.
     */
    public StepReport guardedStep() {
        if (energy == null && position >= n) {
            reshuffle();
        }
        if (undo == null) {
            undo = undoFor(model, adam);
        }
        undo.save(position);
        double loss = update();
        return new StepReport(steps(), loss, lastGradNorm, undo.parametersFinite());
    }

    /**
     * Puts back the parameters, Adam's state and the epoch position from before the last
     * {@link #guardedStep()}, bit for bit; the next step retries the same minibatch.
     *
     * @throws IllegalStateException if the last step was not a guarded one or was already undone
     */
    public void restoreBeforeLastStep() {
        if (undo == null || !undo.valid) {
            throw new IllegalStateException("no guarded step to undo");
        }
        position = undo.restore();
        clipped.dropLast();
        lastLoss = Double.NaN;
        lastGradNorm = Double.NaN;
    }

    private static <A> Undo<A> undoFor(RealNVP model, Adam<A> adam) {
        return new Undo<>(model, adam);
    }

    private double update() {
        double loss;
        if (energy != null) {
            float[] z = new float[config.batchSize() * model.dim()];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) shuffleRng.nextGaussian();
            }
            loss = model.reverseKlAndGradient(z, energy);
        } else {
            int rows = Math.min(config.batchSize(), n - position);
            loss = model.nllAndGradient(data, order, position, rows, config.threads());
            position += rows;
        }
        int parts = optimiserParts();
        double norm = GradientClipping.totalNorm(model.parameterStore(), parts);
        double coef = GradientClipping.coefficient(norm, config.clipNorm());
        adam.step(config.learningRate(), coef, parts);
        clipped.record(coef < 1.0);
        lastLoss = loss;
        lastGradNorm = norm;
        return loss;
    }

    /**
     * Ranges of parameters that clipping and Adam split over threads: at most one per thread and
     * 64 k parameters each (below that, handing work over costs more than it saves); 1 on one thread.
     */
    private int optimiserParts() {
        return Math.max(1, Math.min(config.threads(), model.parameterStore().size() / 65_536));
    }

    private void reshuffle() {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffleRng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
        epoch++;
    }

    public RealNVP model() {
        return model;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Applies from the next step on; the model and optimiser state are kept. */
    public void setLearningRate(double lr) {
        config = config.withLearningRate(lr);
    }

    /** Applies from the next step on (the current epoch continues with the new size). */
    public void setBatchSize(int batchSize) {
        config = config.withBatchSize(batchSize);
    }

    /** Applies from the next step on (a thread count for {@link TrainingConfig#threads()}). */
    public void setThreads(int threads) {
        config = config.withThreads(threads);
    }

    /** Number of optimisation steps taken. */
    public long steps() {
        return adam.steps();
    }

    /** Number of epochs started (1 during the first pass over the data). */
    public long epoch() {
        return epoch;
    }

    public int dataSize() {
        return n;
    }

    /** The last step's minibatch loss (NaN before the first step). */
    public double lastLoss() {
        return lastLoss;
    }

    /** Total gradient norm of the last step, before clipping. */
    public double lastGradientNorm() {
        return lastGradNorm;
    }

    /** The last gradient norm before clipping and the share of the last {@link #CLIP_WINDOW} steps that were clipped. */
    public ClippingReport clipping() {
        return new ClippingReport(lastGradNorm, config.clipNorm(), clipped.share(), clipped.size());
    }

    /** The state before one guarded step: parameters, running statistics, Adam's moments and step count, epoch position. */
    private static final class Undo<A> {
        private final RealNVP model;
        private final boolean norms;
        private double[] buffers;
        private final Adam<A> adam;
        private final ParameterStore<A> store;
        private final A values;
        private Adam.Saved<A> moments;
        private int position;
        private boolean valid;

        Undo(RealNVP model, Adam<A> adam) {
            this.model = model;
            this.norms = !model.norms().isEmpty();
            this.adam = adam;
            this.store = adam.store();
            this.values = store.numerics().alloc(store.size());
        }

        void save(int at) {
            store.numerics().copy(store.values(), 0, values, 0, store.size());
            moments = adam.save(moments);
            if (norms) {
                buffers = model.bufferValues();
            }
            position = at;
            valid = true;
        }

        /** Restores and returns the saved epoch position. */
        int restore() {
            store.numerics().copy(values, 0, store.values(), 0, store.size());
            adam.restore(moments);
            if (norms) {
                model.setBufferValues(buffers);
            }
            valid = false;
            return position;
        }

        /** One pass over the parameters (and the running statistics). */
        boolean parametersFinite() {
            if (norms && !java.util.Arrays.stream(model.bufferValues()).allMatch(Double::isFinite)) {
                return false;
            }
            A v = store.values();
            if (v instanceof float[] f) {
                for (float x : f) {
                    if (!Float.isFinite(x)) {
                        return false;
                    }
                }
                return true;
            }
            for (double x : (double[]) v) {
                if (!Double.isFinite(x)) {
                    return false;
                }
            }
            return true;
        }
    }
}
