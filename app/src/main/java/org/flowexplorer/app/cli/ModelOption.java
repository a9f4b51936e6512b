package org.flowexplorer.app.cli;

import java.nio.file.Path;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.LoadedModel;
import picocli.CommandLine.Option;

/** The {@code --model} option of the commands that read a model, with its checks and loading. */
final class ModelOption {
    @Option(names = "--model", required = true, paramLabel = "M.zip|M.npz", description = "Model file (.zip or .npz).")
    Path model;

    /** A usage error unless the name has a model extension. */
    void validate(CliCommand cmd) {
        Models.requireModelExtension(cmd, "--model", model);
    }

    Path path() {
        return model;
    }

    LoadedModel load(CliCommand cmd) {
        cmd.stage("loading " + model);
        return Models.load(model);
    }

    /** Loads a model for 2-D points: a failure if it is not 2-D. */
    RealNVP load2d(CliCommand cmd) {
        RealNVP flow = load(cmd).model();
        Models.requireDim(flow, model, 2, null);
        return flow;
    }

    /** The model and the points it is to be applied to, checked to fit each other. */
    record OnPoints(RealNVP flow, float[] points) {
        int n() {
            return points.length / flow.dim();
        }
    }

    /** The prologue of the commands that apply a model to a CSV file: load, read, check the dimension. */
    OnPoints loadWith(CliCommand cmd, Path data) throws DataFileException {
        RealNVP flow = load(cmd).model();
        cmd.stage("reading " + data);
        float[] x = CliCommand.readPoints(data);
        Models.requireDim(flow, model, 2, data);
        cmd.stage("applying " + model.getFileName() + " to " + x.length / 2 + " points");
        return new OnPoints(flow, x);
    }
}
