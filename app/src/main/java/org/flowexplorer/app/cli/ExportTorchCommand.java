package org.flowexplorer.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.TorchScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export-torch", mixinStandardHelpOptions = true,
        description = {"Writes a model as a self-contained PyTorch script (the seed's RealNVP with the weights embedded).",
                "Run it with python3 (torch >= 1.13, numpy): 'python3 model.py --check points.csv' prints the column",
                "log_prob (what eval computes), '--sample N' prints N samples, no arguments the log p of a few points."})
final class ExportTorchCommand extends CliCommand {
    @Mixin
    ModelOption model;

    @Option(names = "--out", required = true, paramLabel = "model.py", description = "The Python file to write.")
    Path out;

    @Override
    void validate() {
        model.validate(this);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".py")) {
            throw usage("--out must name a .py file, got '" + out + "'");
        }
        Outputs.requireWritable(out);
    }

    @Override
    void execute() {
        RealNVP flow = model.load(this).model();
        stage("writing the PyTorch script " + out);
        write(out, () -> TorchScript.write(out, flow)); // a block the template does not know is refused before any write
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", "export-torch");
        r.put("model", model.path().toString());
        r.put("out", out.toString());
        r.put("coupling", flow.spec().coupling().id());
        r.put("parameters", flow.parameterCount());
        if (flow.spec().coupling().hasScale()) {
            r.put("scale", flow.spec().scale().id());
        }
        r.put("batchnorm", flow.spec().batchNorm());
        emit(r);
    }
}
