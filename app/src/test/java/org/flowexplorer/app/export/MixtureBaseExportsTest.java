package org.flowexplorer.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowexplorer.app.chart.BaseContours;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.ReplayFrames;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.MixtureBase;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Checkpoint;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * The replay film draws a mixture-base model's latent points over that checkpoint's mixture, not
 * over N(0, I)'s circles (the frame's scene data, not its pixels).
 */
class MixtureBaseExportsTest {
    @Test
    void replayFramesCarryEachCheckpointsMixtureAndTheFilmDrawsItsComponents() {
        float[] xy = ToyDataset.EIGHT_GAUSSIANS.generate(256, 0.05, 0);
        FlowSpec spec = FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE).withBase(BaseDistribution.mixture(3));
        RealNVP flow = RealNVP.create(spec, 1);
        Checkpoint start = Checkpoint.of(0, flow);
        MixtureBase.Components before = flow.mixtureComponents().orElseThrow();
        Trainer trainer = new Trainer(flow, xy, new TrainingConfig(64, 0.05, 1.0, 1));
        for (int i = 0; i < 30; i++) {
            trainer.step();
        }
        Checkpoint end = Checkpoint.of(30, flow);
        MixtureBase.Components after = flow.mixtureComponents().orElseThrow();
        ReplayFrames frames = new ReplayFrames(List.of(start, end), spec, xy, Bounds.ofData(xy), 16, null);

        for (int i = 0; i < 2; i++) {
            MixtureBase.Components want = i == 0 ? before : after;
            ReplayFrames.Frame f = frames.frame(i);
            assertArrayEquals(want.weights(), f.base().weights(), 1e-6, "frame " + i);
            BaseContours drawn = ReplayAnimation.contours(f);
            assertEquals(BaseContours.of(want), drawn);
            assertEquals(3, drawn.components().size());
            assertEquals(2, drawn.levels());
            assertTrue(!drawn.isStandardNormal());
        }
        // the learned means moved: the film's contours follow the checkpoints
        assertNotEquals(ReplayAnimation.contours(frames.frame(0)), ReplayAnimation.contours(frames.frame(1)));
    }

    @Test
    void aGaussianBaseFilmStillDrawsTheStandardNormalsCircles() {
        float[] xy = ToyDataset.MOONS.generate(128, 0.1, 0);
        FlowSpec spec = FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE);
        ReplayFrames frames = new ReplayFrames(List.of(Checkpoint.of(0, RealNVP.create(spec, 1))), spec, xy,
                Bounds.ofData(xy), 16, null);
        assertEquals(BaseContours.STANDARD_NORMAL, ReplayAnimation.contours(frames.frame(0)));
    }
}
