package org.flowexplorer.app.cli;

import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.flow.SplineShape;
import picocli.CommandLine.Option;

/**
 * {@code --layers}, {@code --hidden}, {@code --scale}, {@code --norm} (or {@code --batchnorm}),
 * {@code --mixer}, {@code --base} and a spline coupling's {@code --bins} and {@code --tail-bound} of the commands
 * that build a flow, checked against the limits.
 */
final class ArchitectureOptions {
    @Option(names = "--layers", paramLabel = "L", defaultValue = "8", description = "Coupling layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256,256", split = ",", paramLabel = "W",
            description = "Hidden widths of each coupling's MLP (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--scale", defaultValue = "tanh:2", paramLabel = "tanh[:B]|softplus|exp",
            description = {"How an affine coupling's raw scale output becomes its log-scale s (default: ${DEFAULT-VALUE}, the seed's):",
                    "tanh:B  s = B·tanh(raw), bounded;  softplus  exp(s) = softplus(raw);  exp  s = raw, unbounded."})
    String scaleText;

    @Option(names = "--batchnorm", description = {"A batch normalisation after every coupling (RealNVP's): batch statistics while training,",
            "running statistics (momentum 0.1) for evaluation, sampling and inversion."})
    boolean batchNorm;

    @Option(names = "--norm", defaultValue = "none", paramLabel = "none|batch|act",
            description = {"The normalisation after every coupling (default: ${DEFAULT-VALUE}): batch = --batchnorm;",
                    "act = Glow's ActNorm, a learned per-feature scale and shift set from the first training batch."})
    String normText;

    @Option(names = "--mixer", defaultValue = "none", paramLabel = "none|lu|rotation",
            description = {"An invertible linear map after every coupling and its norm (default: ${DEFAULT-VALUE}):",
                    "lu = Glow's learned LU-parameterised matrix (starts as I), rotation = a fixed seeded random rotation."})
    String mixerText;

    @Option(names = "--base", defaultValue = "gaussian", paramLabel = "gaussian|mixture:K",
            description = {"The base distribution (default: ${DEFAULT-VALUE}, the seed's N(0, I)): mixture:K = K learnable",
                    "diagonal Gaussians (weights, means, log-scales), which spares the flow the filaments between separate modes."})
    String baseText;

    @Option(names = "--bins", paramLabel = "K",
            description = "A spline coupling's bins K (2 to " + SplineShape.MAX_BINS + "; default: 8).")
    Integer bins;

    @Option(names = "--tail-bound", paramLabel = "B",
            description = "A spline coupling acts on [-B, B] and is the identity outside (default: 4).")
    Double tailBound;

    private ScaleFunction scale = ScaleFunction.DEFAULT;
    private Norm norm = Norm.NONE;
    private Mixer mixer = Mixer.NONE;
    private BaseDistribution base = BaseDistribution.GAUSSIAN;
    private SplineShape spline = SplineShape.DEFAULT;
    private CouplingType coupling = CouplingType.AFFINE;

    void validate(CliCommand cmd, CouplingType coupling) {
        try {
            scale = ScaleFunction.parse(scaleText);
        } catch (IllegalArgumentException e) {
            throw cmd.usage("--scale: " + e.getMessage());
        }
        try {
            norm = Norm.fromId(normText);
            mixer = Mixer.fromId(mixerText);
        } catch (IllegalArgumentException e) {
            throw cmd.usage(e.getMessage());
        }
        try {
            base = BaseDistribution.parse(baseText);
        } catch (IllegalArgumentException e) {
            throw cmd.usage(e.getMessage());
        }
        if (batchNorm && norm == Norm.ACT) {
            throw cmd.usage("--batchnorm and --norm act contradict each other: give one");
        }
        if (batchNorm) {
            norm = Norm.BATCH;
        }
        if (!coupling.hasScale() && !scale.isDefault()) {
            throw cmd.usage("--scale " + scale.id() + " applies to affine couplings only; a " + coupling.id() + " coupling has no scale");
        }
        if (coupling != CouplingType.SPLINE && (bins != null || tailBound != null)) {
            throw cmd.usage((bins != null ? "--bins" : "--tail-bound") + " applies to spline couplings only (--coupling spline)");
        }
        try {
            spline = new SplineShape(bins != null ? bins : SplineShape.DEFAULT.bins(), tailBound != null ? tailBound : SplineShape.DEFAULT.bound());
        } catch (IllegalArgumentException e) {
            throw cmd.usage((bins != null && (bins < 2 || bins > SplineShape.MAX_BINS) ? "--bins: " : "--tail-bound: ") + e.getMessage());
        }
        this.coupling = coupling;
        CliLimits.requireArchitecture(cmd, layers, hidden, coupling.outputsPerTransformed(spline));
    }

    FlowSpec spec(CouplingType coupling) {
        return FlowSpec.alternating(2, layers, hidden, coupling).withScale(scale).withNorm(norm).withMixer(mixer).withSpline(spline).withBase(base);
    }

    SplineShape spline() {
        return spline;
    }

    ScaleFunction scale() {
        return scale;
    }

    Norm norm() {
        return norm;
    }

    Mixer mixer() {
        return mixer;
    }

    BaseDistribution base() {
        return base;
    }

    /** True if a batch norm follows every coupling (--batchnorm or --norm batch). */
    boolean batchNorm() {
        return norm == Norm.BATCH;
    }

    /** True unless the flow is the seed's: affine, tanh·2, no norm, no mixer, over N(0, I). */
    boolean beyondSeed() {
        return norm != Norm.NONE || mixer != Mixer.NONE || !base.isGaussian() || !scale.isDefault() || coupling != CouplingType.AFFINE;
    }

    String hiddenText() {
        return CliLimits.joined(hidden);
    }
}
