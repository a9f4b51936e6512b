package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.flowexplorer.model.flow.RealNVP;

/** Model files for the CLI: extension checks and loading/saving with one-line errors. */
final class Models {
    private Models() {
    }

    /** Training information stored alongside a model; null fields are unknown. */
    record TrainInfo(Integer batch, Double lr, Double clip, Long seed, Long steps,
                     String dataName, Integer dataN, Double dataNoise, Long dataSeed) {
    }

    static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1);
    }

    /** A usage error unless the file ends in .zip or .npz. */
    static void requireModelExtension(CliCommand cmd, String option, Path file) {
        String ext = extension(file);
        if (!ext.equals("zip") && !ext.equals("npz")) {
            throw cmd.usage(option + " must name a .zip (native) or .npz (PyTorch state_dict) model file, got '"
                    + file + "'");
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

    static int countNonFinite(float[] v) {
        int bad = 0;
        for (float f : v) {
            if (!Float.isFinite(f)) {
                bad++;
            }
        }
        return bad;
    }

    static RealNVP load(Path file) {
        throw new CliFailure("cannot read " + file + ": model files are not supported yet");
    }

    static void save(Path file, RealNVP model, TrainInfo info) {
        throw new CliFailure("cannot write " + file + ": model files are not supported yet");
    }
}
