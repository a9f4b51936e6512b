package org.flowexplorer.app.cli;

import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.ScaleFunction;
import picocli.CommandLine.Option;

/**
 * {@code --layers}, {@code --hidden}, {@code --scale} and {@code --batchnorm} of the commands that
 * build a flow, checked against the limits.
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

    private ScaleFunction scale = ScaleFunction.DEFAULT;

    void validate(CliCommand cmd, CouplingType coupling) {
        try {
            scale = ScaleFunction.parse(scaleText);
        } catch (IllegalArgumentException e) {
            throw cmd.usage("--scale: " + e.getMessage());
        }
        if (!coupling.hasScale() && !scale.isDefault()) {
            throw cmd.usage("--scale " + scale.id() + " applies to affine couplings only; a " + coupling.id() + " coupling has no scale");
        }
        CliLimits.requireArchitecture(cmd, layers, hidden, coupling);
    }

    FlowSpec spec(CouplingType coupling) {
        return FlowSpec.alternating(2, layers, hidden, coupling).withScale(scale).withBatchNorm(batchNorm);
    }

    ScaleFunction scale() {
        return scale;
    }

    /** True unless the flow is the seed's: tanh·2 and no batch normalisation. */
    boolean beyondSeed() {
        return batchNorm || !scale.isDefault();
    }

    String hiddenText() {
        return CliLimits.joined(hidden);
    }
}
