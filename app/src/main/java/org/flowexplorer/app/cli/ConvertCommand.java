package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts a model between the native .zip format and a PyTorch state_dict .npz (format from the extension).")
final class ConvertCommand extends CliCommand {
    @Mixin
    ModelOption model;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output model (.zip or .npz).")
    Path out;

    @Override
    void validate() {
        model.validate(this);
        Models.requireModelExtension(this, "--out", out);
        Outputs.requireWritable(out);
    }

    @Override
    void execute() {
        LoadedModel loaded = model.load(this);
        RealNVP flow = loaded.model();
        Models.save(out, flow, loaded.metadata());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "convert");
        r.put("model", model.path().toString());
        r.put("out", out.toString());
        r.put("dim", flow.dim());
        r.put("layers", flow.spec().layers());
        r.put("hidden", flow.spec().hidden());
        r.put("coupling", flow.spec().coupling().id());
        if (flow.spec().coupling().hasScale()) {
            r.put("scale", flow.spec().scale().id());
        }
        r.put("batchnorm", flow.spec().batchNorm());
        r.put("norm", flow.spec().norm().id());
        r.put("mixer", flow.spec().mixer().id());
        r.put("parameters", flow.parameterCount());
        r.put("metadata_kept", Models.keepsMetadata(model.path()) && Models.keepsMetadata(out));
        emit(r);
    }
}
