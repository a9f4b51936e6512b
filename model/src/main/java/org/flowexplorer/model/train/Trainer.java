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
 * <p>{@link #guardedStep()} reports whether loss, gradient and parameters stayed finite, so that a
 * diverged step can be undone with {@link #restoreBeforeLastStep()}: it checks the loss and the
 * gradient before it updates anything and then applies no update when either is not finite, so the
 * parameters and Adam's state need no copy; only at learning rates above
 * {@link #COPY_FREE_MAX_LEARNING_RATE}, where the update itself could overflow, does it copy them
 * first. {@link #step()} is the unguarded step for runs that stop at the first non-finite value anyway.
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
    /**
     * Up to this learning rate a step with a finite loss and gradient cannot make a parameter
     * non-finite, so {@link #guardedStep()} copies nothing. Adam moves each parameter by
     * {@code lr/bc1 · m / (sqrt(v/bc2) + eps)}; with β₁ = 0.9, β₂ = 0.999 and a finite gradient,
     * {@code |m|/sqrt(v) ≤ (1−β₁)/sqrt(1−β₂) · 1/(1 − β₁/sqrt(β₂)) ≈ 31.8} and {@code sqrt(bc2)/bc1 ≤ 1},
     * so a step moves a parameter by at most ~32·lr: at 1000 it would take ~10³³ steps to reach
     * float32's 3.4·10³⁸. (A finite total norm also keeps every squared gradient, hence v, finite.)
     * The copy it saves is three parameter-sized buffers per step, 13 MB at 8 × (256, 256).
     */
    public static final double COPY_FREE_MAX_LEARNING_RATE = 1000;
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
     * One optimisation step like {@link #step()} that can be undone: the report says whether loss,
     * gradient and parameters are finite, and {@link #restoreBeforeLastStep()} puts the state from
     * before it back bit for bit. A loss or gradient that is not finite leaves the parameters and
     * Adam untouched (the report's step count is the one the step would have had); otherwise the
     * update is applied, after copying parameters and moments only above
     * {@link #COPY_FREE_MAX_LEARNING_RATE}.
     */
    public StepReport guardedStep() {
        if (energy == null && position >= n) {
            reshuffle();
        }
        if (undo == null) {
            undo = undoFor(model, adam);
        }
        boolean copy = config.learningRate() > COPY_FREE_MAX_LEARNING_RATE;
        undo.save(position, copy);
        double loss = lossAndGradient();
        int parts = optimiserParts();
        double norm = GradientClipping.totalNorm(model.parameterStore(), parts);
        if (!copy && !(Double.isFinite(loss) && Double.isFinite(norm))) {
            clipped.record(false); // dropped again by the undo, like a step that was applied
            lastLoss = loss;
            lastGradNorm = norm;
            return new StepReport(steps() + 1, loss, norm, true);
        }
        undo.applied = true;
        applyUpdate(loss, norm, parts);
        return new StepReport(steps(), loss, lastGradNorm, undo.parametersFinite());
    }

    /**
     * Puts back the parameters, Adam's state and the epoch position from before the last
     * {@link #guardedStep()}, bit for bit; the next step retries the same minibatch. Any step whose
     * report is not finite can be undone; a finite one only when it was copied (above
     * {@link #COPY_FREE_MAX_LEARNING_RATE}).
     *
     * @throws IllegalStateException if the last step was not a guarded one or was already undone, or
     *                               was a finite step applied without a copy
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
        double loss = lossAndGradient();
        int parts = optimiserParts();
        applyUpdate(loss, GradientClipping.totalNorm(model.parameterStore(), parts), parts);
        return loss;
    }

    /** The minibatch's loss, with the parameters' gradients left in the store. */
    private double lossAndGradient() {
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
        return loss;
    }

    /** Clips the gradient (total norm {@code norm}) and takes Adam's step. */
    private void applyUpdate(double loss, double norm, int parts) {
        double coef = GradientClipping.coefficient(norm, config.clipNorm());
        adam.step(config.learningRate(), coef, parts);
        clipped.record(coef < 1.0);
        lastLoss = loss;
        lastGradNorm = norm;
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
        /** The copied parameters, allocated at the first copy. */
        private A values;
        private Adam.Saved<A> moments;
        private int position;
        private boolean valid;
        /** Whether values and moments were copied (else the step must not have changed them). */
        private boolean copied;
        /** Whether the step changed parameters and moments. */
        private boolean applied;

        Undo(RealNVP model, Adam<A> adam) {
            this.model = model;
            this.norms = !model.norms().isEmpty();
            this.adam = adam;
            this.store = adam.store();
        }

        void save(int at, boolean copy) {
            if (copy) {
                if (values == null) {
                    values = store.numerics().alloc(store.size());
                }
                store.numerics().copy(store.values(), 0, values, 0, store.size());
                moments = adam.save(moments);
            }
            copied = copy;
            applied = false;
            if (norms) {
                buffers = model.bufferValues();
            }
            position = at;
            valid = true;
        }

        /** Restores and returns the saved epoch position. */
        int restore() {
            if (copied) {
                store.numerics().copy(values, 0, store.values(), 0, store.size());
                adam.restore(moments);
            } else if (applied) {
                // a finite step at a copy-free rate (a non-finite one cannot happen there, see COPY_FREE_MAX_LEARNING_RATE)
                throw new IllegalStateException("the last step was applied without a copy (finite loss and gradient at a"
                        + " learning rate of at most " + COPY_FREE_MAX_LEARNING_RATE + "): there is nothing to undo it from");
            }
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
