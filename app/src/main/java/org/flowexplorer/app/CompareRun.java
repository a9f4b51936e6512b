package org.flowexplorer.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.flowexplorer.app.task.TaskRunner;
import org.flowexplorer.app.viewmodel.CompareViewModel;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * Side B of compare mode: a second {@link TrainingWorker} on its own thread ({@link #THREAD_NAME}),
 * its {@link ExplorerViewModel} and the {@link SnapshotPump} between them. The two workers are two
 * threads at the same (slightly lowered) priority, so on a 2-core machine the OS gives each about
 * one core while both play, and the FX thread takes its share from both; each side's training time
 * is measured on its own ({@code StepClock}), so "equal wall time" compares what each side had
 * reached after the same seconds of training.
 */
final class CompareRun implements CompareViewModel.Host {
    public static final String THREAD_NAME = TrainingWorker.THREAD_NAME + "-b";

    private final TrainingWorker.Options options;
    private final TaskRunner tasks;
    private final Executor fx;
    private TrainingWorker worker;
    private SnapshotPump pump;

    /**
     * @param options side A's worker options (side B uses the same, with one density thread: the
     *                two workers already fill two cores)
     * @param fx      runs results on the FX thread
     */
    CompareRun(TrainingWorker.Options options, TaskRunner tasks, Executor fx) {
        this.options = options.toBuilder().densityThreads(1).build();
        this.tasks = tasks;
        this.fx = fx;
    }

    CompareRun(TrainingWorker.Options options, TaskRunner tasks) {
        this(options, tasks, Platform::runLater);
    }

    @Override
    public ExplorerViewModel start(DatasetSettings data, ArchitectureSettings architecture, double learningRate,
            int batchSize) {
        stop();
        TrainingConfig training = new TrainingConfig(batchSize, learningRate, options.clipNorm(), architecture.seed());
        worker = new TrainingWorker(data, architecture, training, options, System::nanoTime);
        ExplorerViewModel vm = new ExplorerViewModel(worker, worker.latest(), tasks, fx, null);
        pump = new SnapshotPump(worker::latest, vm::accept);
        pump.start();
        worker.start(THREAD_NAME);
        return vm;
    }

    /** Stops side B's pump and worker (waits at most 1 s for the thread); idempotent. */
    @Override
    public void stop() {
        SnapshotPump p = pump;
        TrainingWorker w = worker;
        pump = null;
        worker = null;
        if (p != null) {
            p.stop(); // first, so no snapshot of a stopping worker reaches the view model
        }
        if (w != null) {
            w.close();
        }
    }

    /** Side B's worker while comparing, else null (tests). */
    TrainingWorker worker() {
        return worker;
    }
}
