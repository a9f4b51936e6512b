package org.flowexplorer.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The required {@code --out F.csv} of the commands that write points. */
final class CsvOutput {
    @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Output CSV file.")
    Path out;

    /** A .csv name in a folder that can be written, checked before any work. */
    void validate(CliCommand cmd) {
        cmd.requireCsv("--out", out);
        Outputs.requireWritable(out);
    }

    Path path() {
        return out;
    }
}
