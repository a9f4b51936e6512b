package org.flowexplorer.app.cli;

import org.flowexplorer.model.flow.CouplingType;
import picocli.CommandLine.Option;

/** {@code --coupling TYPE} as a mixin (train, bench). */
final class CouplingOption {
    @Option(names = "--coupling", defaultValue = "affine", paramLabel = "TYPE", converter = CouplingConverter.class,
            completionCandidates = CouplingConverter.class, description = "Coupling type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CouplingType type;
}
