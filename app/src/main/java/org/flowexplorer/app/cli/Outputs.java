package org.flowexplorer.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the files a command will write, made before any work so that a typo costs nothing
 * (a training run used to fail only at the end) and an input is never replaced by an output.
 */
final class Outputs {
    private Outputs() {
    }

    /** A failure unless {@code file} can be created or replaced: its folder exists and is writable, and it is no folder. */
    static void requireWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new CliFailure("cannot write " + file + ": it is a directory");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        if (!Files.isDirectory(parent)) {
            throw new CliFailure("cannot write " + file + ": directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new CliFailure("cannot write " + file + ": directory " + parent + " is not writable");
        }
    }

    /**
     * A usage error if writing {@code out} would replace {@code in}: the same file by any path,
     * through {@code ./}, {@code ..} or symbolic links.
     */
    static void requireNotInput(CliCommand cmd, String outOption, Path out, String inOption, Path in) {
        if (out == null || in == null || !Files.exists(out) || !Files.exists(in)) {
            return;
        }
        boolean same;
        try {
            same = Files.isSameFile(out, in);
        } catch (IOException e) {
            same = out.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize());
        }
        if (same) {
            throw cmd.usage(outOption + " " + out + " is the " + inOption + " file; writing it would replace the input,"
                    + " choose another name");
        }
    }
}
