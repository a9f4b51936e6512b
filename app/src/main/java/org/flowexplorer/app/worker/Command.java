package org.flowexplorer.app.worker;

/**
 * Immutable messages from the UI to the {@link TrainingWorker}. They are queued and handled on the
 * worker thread, in order, between training steps.
 */
public sealed interface Command {
    /** Hands this command to the handler's method for its type. */
    void sendTo(Handler h);

    /**
     * One method per command: the worker implements it, so a new command that is not handled does
     * not compile.
     */
    interface Handler {
        void play(Play c);

        void pause(Pause c);

        void step(Step c);

        void reset(Reset c);

        void setLearningRate(SetLearningRate c);

        void setBatchSize(SetBatchSize c);

        void changeDataset(ChangeDataset c);

        void changeArchitecture(ChangeArchitecture c);

        void sample(Sample c);

        void query(Query c);

        void clearQuery(ClearQuery c);

        void setDisplayedLayer(SetDisplayedLayer c);

        void setDensity(SetDensity c);

        void setCustomData(SetCustomData c);

        void configure(Configure c);

        void loadSession(LoadSession c);

        void loadModel(LoadModel c);

        void capture(Capture c);

        void setInspection(SetInspection c);

        void showDiagnostics(ShowDiagnostics c);

        void showLayerAnatomy(ShowLayerAnatomy c);

        void setFreshTestSamples(SetFreshTestSamples c);

        // ---- replay (ReplayState, Replay) ----
        void showCheckpoint(ShowCheckpoint c);

        void resumeFrom(ResumeFrom c);

        void captureCheckpoints(CaptureCheckpoints c);

        void restoreCheckpoints(RestoreCheckpoints c);

        void captureReplay(CaptureReplay c);
    }

    /** Starts (or continues) training in a loop. */
    record Play() implements Command {
        @Override
        public void sendTo(Handler h) {
            h.play(this);
        }
    }

    /** Stops the training loop after the current step. */
    record Pause() implements Command {
        @Override
        public void sendTo(Handler h) {
            h.pause(this);
        }
    }

    /** Runs {@code count} training steps now (pauses first). */
    record Step(int count) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.step(this);
        }

        public Step {
            if (count < 1) {
                throw new IllegalArgumentException("step count must be positive");
            }
        }
    }

    /** Re-initialises the model (same architecture and seed), optimiser and loss history. */
    record Reset() implements Command {
        @Override
        public void sendTo(Handler h) {
            h.reset(this);
        }
    }

    /** Applies from the next step on, keeping model and optimiser state. */
    record SetLearningRate(double learningRate) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.setLearningRate(this);
        }

        public SetLearningRate {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
            }
        }
    }

    /** Applies from the next step on, keeping model and optimiser state. */
    record SetBatchSize(int batchSize) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.setBatchSize(this);
        }

        public SetBatchSize {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            }
        }
    }

    /** Regenerates training and test data; the model is reset (a new experiment). */
    record ChangeDataset(DatasetSettings settings) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.changeDataset(this);
        }
    }

    /** Builds a new model with this architecture; training restarts from step 0. */
    record ChangeArchitecture(ArchitectureSettings settings) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.changeArchitecture(this);
        }
    }

    /** Draws {@code n} seeded z ~ N(0, I); the worker keeps their images f⁻¹(z) up to date. n = 0 clears. */
    record Sample(int n, long seed) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.sample(this);
        }

        /** The most samples one request may draw (the form and this record share it). */
        public static final int MAX = 20_000;

        public Sample {
            if (n < 0 || n > MAX) {
                throw new IllegalArgumentException("sample count must be between 0 and " + MAX + ", got " + n);
            }
        }
    }

    /** A query point in data space (pushed forward) or latent space (pulled back); traced through every layer. */
    record Query(Space space, double x, double y) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.query(this);
        }
    }

    /** Removes the query point. */
    record ClearQuery() implements Command {
        @Override
        public void sendTo(Handler h) {
            h.clearQuery(this);
        }
    }

    /** The layer the stepper shows (0 = data … L = latent); reported back in snapshots. */
    record SetDisplayedLayer(int layer) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.setDisplayedLayer(this);
        }
    }

    /**
     * Measures the test NLL on 10 000 fresh samples of the toy set (evaluated 5× less often), so
     * the gap to the entropy floor is not noise; off: the usual held-out set. Custom data keep theirs.
     */
    record SetFreshTestSamples(boolean enabled) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.setFreshTestSamples(this);
        }
    }

    /** Turns the density heatmap computation on or off. */
    record SetDensity(boolean enabled) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.setDensity(this);
        }
    }

    /**
     * Trains on the user's own points from now on (drawn or imported; {@code origin} is a file name
     * for display, null for drawn points); the model is reset, as for a new data set. The array is
     * not copied: never modify it afterwards. {@code density} is the density the points were sampled
     * from when it is known (an image opened as density), else null: its exact entropy is then the
     * loss chart's floor and the held-out points are fresh samples of it.
     */
    record SetCustomData(float[] points, String origin, org.flowexplorer.model.data.PixelDensity density)
            implements Command {
        /** Points whose density is unknown (drawn, imported from CSV, or from a saved session). */
        public SetCustomData(float[] points, String origin) {
            this(points, origin, null);
        }

        @Override
        public void sendTo(Handler h) {
            h.setCustomData(this);
        }

        public SetCustomData {
            java.util.Objects.requireNonNull(points, "points");
            if (points.length % 2 != 0) {
                throw new IllegalArgumentException("point array has odd length " + points.length);
            }
        }
    }

    /** Data, architecture and training settings in one go (a preset): one model reset, announced with {@code label}. */
    record Configure(DatasetSettings dataset, ArchitectureSettings architecture, double learningRate, int batchSize,
            String label) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.configure(this);
        }

        public Configure {
            new SetLearningRate(learningRate);
            new SetBatchSize(batchSize);
        }
    }

    /**
     * Replaces model, data, settings and loss history with a session that was read and validated
     * completely beforehand; the worker swaps all of it at once, or (if it still finds a problem)
     * changes nothing and reports {@code name} and the reason as the error. {@code done} completes
     * when the swap happened, or exceptionally with the reason.
     */
    record LoadSession(org.flowexplorer.model.io.Session session, String name,
            java.util.concurrent.CompletableFuture<Void> done) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.loadSession(this);
        }

        public LoadSession(org.flowexplorer.model.io.Session session, String name) {
            this(session, name, new java.util.concurrent.CompletableFuture<>());
        }
    }

    /** Replaces the model (and its loss history, if the file has one) and keeps the current data. */
    record LoadModel(org.flowexplorer.model.io.LoadedModel model, String name,
            java.util.concurrent.CompletableFuture<Void> done) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.loadModel(this);
        }

        public LoadModel(org.flowexplorer.model.io.LoadedModel model, String name) {
            this(model, name, new java.util.concurrent.CompletableFuture<>());
        }
    }

    /**
     * Completes {@code result} with a copy of the current state as a session (a copy of the model,
     * its metadata, the training points, the settings with {@code view}, and the loss history),
     * which another thread may write to a file.
     */
    record Capture(java.util.Map<String, String> view,
            java.util.concurrent.CompletableFuture<org.flowexplorer.model.io.Session> result) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.capture(this);
        }
    }

    /** Which coupling layer (0..L−1) the formula inspector shows for the query point, and which way. */
    record SetInspection(int layer, org.flowexplorer.model.teach.CouplingInspection.Direction direction)
            implements Command {
        @Override
        public void sendTo(Handler h) {
            h.setInspection(this);
        }

        public SetInspection {
            java.util.Objects.requireNonNull(direction, "direction");
        }
    }

    /** Whether the "Conditioners & health" tab is shown: hidden, its data are computed only when the coupling changes. */
    record ShowDiagnostics(boolean visible) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.showDiagnostics(this);
        }
    }

    /** Whether the "Log-det & Jacobian" tab is shown: hidden, its data follow training no more (only the stepper's coupling, the query point and the data). */
    record ShowLayerAnatomy(boolean visible) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.showLayerAnatomy(this);
        }
    }

    // ---- replay -------------------------------------------------------------------------------

    /**
     * Pauses, and every view shows the newest checkpoint at or before {@code step} (see
     * {@link ReplayState}); a step before the first checkpoint is an error the worker reports.
     * {@link ReplayState#LIVE}: the views follow the model being trained again.
     */
    record ShowCheckpoint(long step) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.showCheckpoint(this);
        }
    }

    /** Completes {@code result} with the run's checkpoints (immutable), e.g. to save them with a session. */
    record CaptureCheckpoints(
            java.util.concurrent.CompletableFuture<java.util.List<org.flowexplorer.model.train.Checkpoint>> result)
            implements Command {
        @Override
        public void sendTo(Handler h) {
            h.captureCheckpoints(this);
        }
    }

    /**
     * Pauses and continues training from the newest checkpoint at or before {@code step}: the
     * loss history and the later checkpoints are cut there (the UI confirms first), Adam restarts.
     */
    record ResumeFrom(long step) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.resumeFrom(this);
        }
    }

    /**
     * Adds checkpoints read from a file (a session's) to the run just opened: those before its
     * first step, which must fit the live model.
     */
    record RestoreCheckpoints(java.util.List<org.flowexplorer.model.train.Checkpoint> checkpoints) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.restoreCheckpoints(this);
        }

        public RestoreCheckpoints {
            checkpoints = java.util.List.copyOf(checkpoints);
        }
    }

    /**
     * Completes {@code result} with the replay film's input (the run's checkpoints, the model's
     * architecture, the displayed points and their box, the loss history), all immutable: its frames
     * are computed on another thread ({@link org.flowexplorer.app.scene.ReplayFrames}).
     */
    record CaptureReplay(int densityResolution,
            java.util.concurrent.CompletableFuture<org.flowexplorer.app.scene.ReplayFrames> result) implements Command {
        @Override
        public void sendTo(Handler h) {
            h.captureReplay(this);
        }
    }

    /** Where a query point lives. */
    enum Space {
        DATA, LATENT
    }
}
