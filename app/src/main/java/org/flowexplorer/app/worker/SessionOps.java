package org.flowexplorer.app.worker;

import java.util.Map;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.io.SessionSettings;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * Swapping a session or a model file into the {@link Experiment}, and capturing the experiment as a
 * session. A swap checks everything first and changes nothing when something is wrong.
 */
final class SessionOps {
    private SessionOps() {
    }

    /** Replaces data, settings, model and history with the session's; returns the notice to show. */
    static String load(Experiment e, Command.LoadSession c) {
        try {
            Session s = c.session();
            SessionSettings st = s.settings();
            ArchitectureSettings arch = architectureOf(s.model(), st.training().seed());
            float[] pts = s.data();
            DatasetSettings ds = e.settings().dataset();
            float[] test;
            if (st.dataSource() instanceof DataSource.Toy t) {
                ds = new DatasetSettings(t.dataset(), Math.max(16, Math.min(DatasetSettings.MAX_POINTS, t.n())), t.noise(),
                        t.seed());
                test = e.toyTestData(ds);
            } else {
                Experiment.checkedCustomPoints(pts);
                test = e.customTestData(pts);
            }
            if (pts.length < 2) {
                throw new IllegalArgumentException("the session has no training points");
            }
            TrainingConfig tc = st.training();
            Trainer t = new Trainer(s.model(), pts, tc);
            LossHistory h = LossHistory.of(s.history().snapshot());
            // everything checked: swap
            e.setDataset(ds);
            e.setArchitecture(arch);
            e.setLearningRate(tc.learningRate());
            e.setBatchSize(tc.batchSize());
            e.setData(pts, test, st.dataSource());
            e.install(s.model(), t, h, Math.max(s.metadata().steps(), h.lastStep()));
            e.measureTestNll();
            c.done().complete(null);
            return "Opened session " + c.name() + ": " + Snapshot.describeSource(e.settings().dataSource()) + ", " + arch
                    + ", step " + e.currentStep() + ".";
        } catch (RuntimeException ex) {
            throw failed(c.done(), c.name(), ex);
        }
    }

    /** Replaces the model (and its history, if the file has one) and keeps the data; returns the notice. */
    static String load(Experiment e, Command.LoadModel c) {
        try {
            LoadedModel lm = c.model();
            ModelMetadata meta = lm.metadata();
            ArchitectureSettings arch = architectureOf(lm.model(),
                    meta.training() == null ? e.architecture().seed() : meta.training().seed());
            Trainer t = new Trainer(lm.model(), e.points().train(), e.trainingConfig(arch.seed()));
            LossHistory h = meta.lossHistory() == null ? new LossHistory() : LossHistory.of(meta.lossHistory());
            e.setArchitecture(arch);
            e.install(lm.model(), t, h, Math.max(meta.steps(), h.lastStep()));
            e.measureTestNll();
            c.done().complete(null);
            return "Opened model " + c.name() + " (" + arch + ", " + e.currentStep() + " steps trained) on the current data.";
        } catch (RuntimeException ex) {
            throw failed(c.done(), c.name(), ex);
        }
    }

    private static IllegalArgumentException failed(java.util.concurrent.CompletableFuture<Void> done, String name,
            RuntimeException ex) {
        done.completeExceptionally(ex);
        return new IllegalArgumentException("Cannot open " + name + ": " + ex.getMessage()
                + " The current session is unchanged.", ex);
    }

    /** The architecture settings of a loaded 2-D model; throws with a user-facing reason if the app cannot train it. */
    private static ArchitectureSettings architectureOf(RealNVP m, long seed) {
        if (m.dim() != 2) {
            throw new IllegalArgumentException("the model works on " + m.dim() + "-D points; Flow Explorer shows 2-D flows");
        }
        return ArchitectureSettings.of(Architecture.of(m.spec()), seed);
    }

    /** A copy of the current state as a session (model copied; data and history snapshot shared immutably). */
    static Session capture(Experiment e, Map<String, String> view) {
        TrainingConfig tc = e.trainingConfig();
        ArchitectureSettings a = e.architecture();
        int n = e.points().train().length / 2;
        ModelMetadata.DatasetInfo info = e.settings().dataSource() instanceof DataSource.Toy t
                ? new ModelMetadata.DatasetInfo(t.dataset().id(), n, t.noise(), t.seed())
                : new ModelMetadata.DatasetInfo(Snapshot.describeSource(e.settings().dataSource()), n, null, null);
        ModelMetadata meta = ModelMetadata.trained(tc, e.currentStep()).withDataset(info);
        return new Session(e.liveModel().copy(), meta, e.points().train(), new SessionSettings(e.settings().dataSource(), a.architecture(), tc, view),
                LossHistory.of(e.history().snapshot()));
    }
}
