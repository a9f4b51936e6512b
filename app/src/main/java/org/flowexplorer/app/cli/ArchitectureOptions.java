package org.flowexplorer.app.cli;

import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import picocli.CommandLine.Option;

/** {@code --layers} and {@code --hidden} of the commands that build a flow, checked against the limits. */
final class ArchitectureOptions {
    @Option(names = "--layers", paramLabel = "L", defaultValue = "8", description = "Coupling layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256,256", split = ",", paramLabel = "W",
            description = "Hidden widths of each coupling's MLP (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    void validate(CliCommand cmd, CouplingType coupling) {
        CliLimits.requireArchitecture(cmd, layers, hidden, coupling);
    }

    FlowSpec spec(CouplingType coupling) {
        return FlowSpec.alternating(2, layers, hidden, coupling);
    }

    String hiddenText() {
        return CliLimits.joined(hidden);
    }
}
