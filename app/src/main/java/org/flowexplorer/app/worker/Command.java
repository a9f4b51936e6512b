package org.flowexplorer.app.worker;

/**
 * Immutable messages from the UI to the {@link TrainingWorker}. They are queued and handled on the
 * worker thread, in order, between training steps.
 */
public sealed interface Command {
    /** Starts (or continues) training in a loop. */
    record Play() implements Command {
    }

    /** Stops the training loop after the current step. */
    record Pause() implements Command {
    }

    /** Runs {@code count} training steps now (pauses first). */
    record Step(int count) implements Command {
        public Step {
            if (count < 1) {
                throw new IllegalArgumentException("step count must be positive");
            }
        }
    }

    /** Re-initialises the model (same architecture and seed), optimiser and loss history. */
    record Reset() implements Command {
    }

    /** Applies from the next step on, keeping model and optimiser state. */
    record SetLearningRate(double learningRate) implements Command {
        public SetLearningRate {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
            }
        }
    }

    /** Applies from the next step on, keeping model and optimiser state. */
    record SetBatchSize(int batchSize) implements Command {
        public SetBatchSize {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            }
        }
    }

    /** Regenerates training and test data; the model is reset (a new experiment). */
    record ChangeDataset(DatasetSettings settings) implements Command {
    }

    /** Builds a new model with this architecture; training restarts from step 0. */
    record ChangeArchitecture(ArchitectureSettings settings) implements Command {
    }

    /** Draws {@code n} seeded z ~ N(0, I); the worker keeps their images f⁻¹(z) up to date. n = 0 clears. */
    record Sample(int n, long seed) implements Command {
        public Sample {
            if (n < 0 || n > 100_000) {
                throw new IllegalArgumentException("sample count must be between 0 and 100000, got " + n);
            }
        }
    }

    /** A query point in data space (pushed forward) or latent space (pulled back); traced through every layer. */
    record Query(Space space, double x, double y) implements Command {
    }

    /** Removes the query point. */
    record ClearQuery() implements Command {
    }

    /** The layer the stepper shows (0 = data … L = latent); reported back in snapshots. */
    record SetDisplayedLayer(int layer) implements Command {
    }

    /** Turns the density heatmap computation on or off. */
    record SetDensity(boolean enabled) implements Command {
    }

    /** Runs a read-only function of the live trainer (and its model) on the worker thread (tests, diagnostics). */
    record Inspect<T>(java.util.function.Function<org.flowexplorer.model.train.Trainer, T> query,
            java.util.concurrent.CompletableFuture<T> result) implements Command {
        void run(org.flowexplorer.model.train.Trainer trainer) {
            try {
                result.complete(query.apply(trainer));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }

    /** Where a query point lives. */
    enum Space {
        DATA, LATENT
    }
}
