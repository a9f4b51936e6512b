package org.flowexplorer.app.scene;

import java.util.List;
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.MixtureBase;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Checkpoint;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * What a replay film shows at each checkpoint of a run: the density p(x) over the data's box and
 * the data pushed to the latent space over the checkpoint's base distribution, computed from the checkpoint alone (the worker's live model
 * is never touched), so the window's export and {@code render --view replay} draw the same frames.
 * Frames are computed on demand ({@link #frame(int)}), on any one thread at a time.
 */
public final class ReplayFrames {
    /**
     * One checkpoint's pictures: p(x) on the box of {@link #bounds()}, the points' images z = f(x),
     * and the base the latent points are drawn over: the mixture's components at that checkpoint
     * (they are learned, so they move between frames), null for N(0, I).
     */
    public record Frame(long step, DensityImage density, float[] latent, MixtureBase.Components base) {
    }

    private final List<Checkpoint> checkpoints;
    private final FlowSpec spec;
    private final float[] points;
    private final int[] colours;
    private final Bounds bounds;
    private final int resolution;
    private final LossSnapshot loss;

    /**
     * @param points     the data points drawn (and pushed to the latent space), not copied
     * @param resolution the density grid's nodes per side
     * @param loss       the run's loss history (the film's growing curve), empty for none
     */
    public ReplayFrames(List<Checkpoint> checkpoints, FlowSpec spec, float[] points, Bounds bounds, int resolution,
            LossSnapshot loss) {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one checkpoint");
        }
        this.checkpoints = List.copyOf(checkpoints);
        this.spec = spec;
        this.points = points;
        this.colours = Palette.byPosition(points);
        this.bounds = bounds;
        this.resolution = resolution;
        this.loss = loss == null ? LossSnapshot.empty() : loss;
    }

    public int size() {
        return checkpoints.size();
    }

    public long step(int i) {
        return checkpoints.get(i).step();
    }

    /** Computes frame {@code i} from its checkpoint. */
    public Frame frame(int i) {
        Checkpoint c = checkpoints.get(i);
        RealNVP model = c.restore(spec);
        DensityImage density;
        try (DensityGrid grid = new DensityGrid(1)) {
            density = DensityImage.of(grid, model, resolution, bounds);
        }
        float[] latent = model.forward(points, new float[points.length / 2]);
        return new Frame(c.step(), density, latent, model.mixtureComponents().orElse(null));
    }

    public float[] points() {
        return points;
    }

    /** The points' colours by data position (as every view colours them). */
    public int[] colours() {
        return colours;
    }

    public Bounds bounds() {
        return bounds;
    }

    public LossSnapshot loss() {
        return loss;
    }
}
