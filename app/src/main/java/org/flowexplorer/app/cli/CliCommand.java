package org.flowexplorer.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowexplorer.app.io.Failures;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PointCsv;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Shared plumbing of the subcommands: JSON output, option validation, file I/O with clear errors. */
abstract class CliCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> POINT_COUNTS = List.of("--n", "--test-n");

    @Spec
    CommandSpec spec;

    /** What the command is doing, for a one-line out-of-memory message; see {@link #stage(String)}. */
    private String stage = "starting";

    @Override
    public final Integer call() throws Exception {
        requirePointCounts();
        validate();
        try {
            execute();
        } catch (OutOfMemoryError e) {
            // picocli's handler sees only Exceptions; the failed allocation is garbage by now
            throw new CliFailure("out of memory while " + stage + " (the Java heap is limited to "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): " + oomAdvice(), e);
        }
        return 0;
    }

    /**
     * Every {@code --n} and {@code --test-n} of this CLI counts points: one check for all commands
     * (render's too), before anything is allocated (see {@link CliLimits#MAX_POINTS}).
     */
    private void requirePointCounts() {
        for (String name : POINT_COUNTS) {
            var option = spec.findOption(name);
            if (option != null && option.getValue() instanceof Integer n) {
                CliLimits.requirePoints(this, name, n);
            }
        }
    }

    /** Records what the command does next, named in the message should memory run out there. */
    final void stage(String what) {
        stage = what;
    }

    /** The advice after an out-of-memory message: what to make smaller. */
    String oomAdvice() {
        return "use fewer points or a smaller model, or give Java more memory with -Xmx";
    }

    /** Checks option values; throw {@link #usage(String)} for bad ones. Runs before anything is read. */
    void validate() {
    }

    abstract void execute() throws Exception;

    /**
     * Prints one JSON object as one line on stdout. A non-finite number is never printed as if it
     * were a result: the line is withheld and the command fails naming the field.
     */
    final void emit(Map<String, ?> object) {
        JsonNode tree = JSON.valueToTree(object);
        List<String> bad = new ArrayList<>();
        tree.fields().forEachRemaining(f -> {
            if (f.getValue().isNumber() && !Double.isFinite(f.getValue().doubleValue())) {
                bad.add(f.getKey() + " = " + f.getValue().asText());
            }
        });
        if (!bad.isEmpty()) {
            throw new CliFailure("the result is not a finite number (" + String.join(", ", bad) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode result as JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }

    /** A usage error (exit status 2) about this command's options. */
    final ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    final void requirePositive(String option, long value) {
        if (value < 1) {
            throw usage(option + " must be a positive integer, got " + value);
        }
    }

    final void requirePositive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw usage(option + " must be a positive number, got " + value);
        }
    }

    final void requireNonNegative(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw usage(option + " must be a finite number >= 0, got " + value);
        }
    }

    /** Requires a .csv output name, so a typo such as a model extension is caught before any work. */
    final void requireCsv(String option, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv")) {
            throw usage(option + " must name a .csv file, got '" + file + "'");
        }
    }

    static float[] readPoints(Path file) throws DataFileException {
        return PointCsv.read(file);
    }

    /** Runs a write, turning an I/O failure into a one-line message naming the file. */
    static void write(Path file, IoAction action) {
        Outputs.requireWritable(file);
        try {
            action.run();
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + Failures.describe(e, null), e);
        }
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
