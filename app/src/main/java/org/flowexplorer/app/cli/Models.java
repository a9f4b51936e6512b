package org.flowexplorer.app.cli;

import java.nio.file.Path;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.ModelFormatException;
import org.flowexplorer.model.io.ModelMetadata;

/** Model files for the CLI: extension checks and loading/saving with one-line errors. */
final class Models {
    private Models() {
    }

    /** A usage error unless the file ends in .zip or .npz. */
    static void requireModelExtension(CliCommand cmd, String option, Path file) {
        if (!ModelFiles.isSupported(file)) {
            throw cmd.usage(option + " must name a .zip (native) or .npz (PyTorch state_dict) model file, got '"
                    + file + "'");
        }
    }

    /** A usage error if {@code file} is a {@code .npz} state_dict and the coupling has none (a spline). */
    static void requireStateDictFor(CliCommand cmd, String option, Path file, org.flowexplorer.model.flow.CouplingType coupling) {
        if (!keepsMetadata(file) && !coupling.hasStateDict()) {
            throw cmd.usage(option + " " + file + ": a " + coupling.id() + "-coupling model has no .npz state_dict (the seed's"
                    + " PyTorch RealNVP has no such layer); save it as .zip");
        }
    }

    /** A failure unless the model works on {@code dim}-dimensional points (the CSV formats are 2-D). */
    static void requireDim(RealNVP flow, Path modelFile, int dim, Path dataFile) {
        if (flow.dim() != dim) {
            throw new CliFailure(modelFile.getFileName() + " is a " + flow.dim() + "-D model but "
                    + (dataFile != null ? dataFile.getFileName() + " has " + dim + " columns"
                            : "point CSV files are " + dim + "-D"));
        }
    }

    /** How many of the model's parameters are NaN or infinite. */
    static int nonFiniteParameters(RealNVP flow) {
        int bad = 0;
        for (double v : flow.parameterValues()) {
            if (!Double.isFinite(v)) {
                bad++;
            }
        }
        return bad;
    }

    /** Why a model gave non-finite numbers: its parameters, or float32 overflow on these inputs. */
    static String nonFiniteCause(RealNVP flow) {
        int bad = nonFiniteParameters(flow);
        return bad > 0 ? bad + " of the model's " + flow.parameterCount() + " parameters are NaN or infinite"
                : "the model overflows float32 on these points";
    }

    /** Whether the format stores training metadata (only the native .zip does). */
    static boolean keepsMetadata(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    /** Loads a model; any problem with the file becomes a one-line failure naming it. */
    static LoadedModel load(Path file) {
        try {
            return ModelFiles.load(file);
        } catch (ModelFormatException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /** Saves a model atomically (metadata is dropped for .npz, which has no place for it). */
    static void save(Path file, RealNVP model, ModelMetadata metadata) {
        try {
            CliCommand.write(file, () -> ModelFiles.save(file, model, metadata));
        } catch (IllegalArgumentException e) { // a model the format cannot hold (a spline as .npz)
            throw new CliFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
