package org.flowexplorer.app.viewmodel;

import java.util.List;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.train.TrainingConfig;

/** A small real worker (moons, 4 affine layers of 16,16) driven on the test thread, for view-model tests. */
public final class SameThreadWorker {
    private SameThreadWorker() {
    }

    public static TrainingWorker small() {
        return new TrainingWorker(new DatasetSettings(ToyDataset.MOONS, 400, 0.1, 0),
                new ArchitectureSettings(4, new int[] {16, 16}, CouplingType.AFFINE, 0), new TrainingConfig(64, 5e-3, 1, 0),
                TrainingWorker.Options.builder().maxDisplayPoints(400).testPoints(256, 10)
                        .densityResolution(16, 8).densityBudget(0, 0.08).publishIntervalMillis(0).grid(4, 6)
                        .traceBudget(0, 0.33).stepSliceMillis(4).densityThreads(1).build(), System::nanoTime);
    }

    /** A view model on {@code worker} with same-thread executors and no preferences; what it sends also lands in {@code sent}. */
    public static ExplorerViewModel viewModel(TrainingWorker worker, List<Command> sent) {
        return new ExplorerViewModel(c -> {
            sent.add(c);
            worker.submit(c);
        }, worker.latest(), Runnable::run, Runnable::run, null);
    }

    /** A small worker with a view model on it, the commands that sent; {@link #close()} closes the worker. */
    public record Fixture(TrainingWorker worker, ExplorerViewModel vm, List<Command> sent) implements AutoCloseable {
        public static Fixture start() {
            TrainingWorker w = small();
            List<Command> sent = new java.util.ArrayList<>();
            return new Fixture(w, viewModel(w, sent), sent);
        }

        /** {@link SameThreadWorker#round}. */
        public Snapshot round() {
            return SameThreadWorker.round(worker, vm);
        }

        @Override
        public void close() {
            worker.close();
        }
    }

    /** One worker round on this thread (build the model, handle the commands, publish), then the FX-side poll. */
    public static Snapshot round(TrainingWorker worker, ExplorerViewModel vm) {
        worker.initializeNow();
        worker.processPending();
        Snapshot s = worker.publishNow();
        vm.accept(s);
        return s;
    }
}
