package org.flowexplorer.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.flowexplorer.app.io.Failures;
import org.flowexplorer.model.data.DataFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code flowexplorer} command line. Every command prints JSON objects to stdout, one per line,
 * its result last. Errors are one line on stderr starting with {@code error: }, exit status 2 for
 * usage errors (bad or missing options) and 1 for failures while running (unreadable files,
 * dimension mismatches, ...); never a stack trace.
 */
@Command(name = "flowexplorer",
        mixinStandardHelpOptions = true,
        versionProvider = FlowCli.Version.class,
        description = "Trains and uses RealNVP normalizing flows on 2-D data. Run without arguments to open the workbench.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DatasetCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                SampleCommand.class,
                TransformCommand.class,
                ConvertCommand.class,
                RenderCommand.class,
                BenchCommand.class,
                SoakCommand.class,
                EntropyCommand.class,
                ExportTorchCommand.class,
        })
public final class FlowCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (one of: "
                + String.join(", ", spec.subcommands().keySet()) + ")");
    }

    /** Runs the command line on the process's stdout/stderr and returns the exit status. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status;
        try {
            status = newCommandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // outside a command's own handling (while parsing, or on another thread's behalf)
            err.println("error: " + describe(e));
            status = CommandLine.ExitCode.SOFTWARE;
        }
        out.flush();
        err.flush();
        return status;
    }

    /** A configured command line writing to the given streams (tests capture them). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FlowCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            String msg = oneLine(ex.getMessage()).replaceFirst("^(?i)error:\\s*", "");
            e.println("error: " + msg + hint(ex.getCommandLine()));
            e.flush();
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            e.println("error: " + describe(ex));
            e.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    private static String hint(CommandLine cl) {
        return " (see '" + cl.getCommandSpec().qualifiedName() + " --help')";
    }

    /** A one-line message for a failure while running a command. */
    static String describe(Throwable ex) {
        if (ex instanceof CliFailure || ex instanceof DataFileException) {
            return oneLine(ex.getMessage());
        }
        if (ex instanceof IOException) {
            return Failures.describe(ex, null);
        }
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            return oneLine(String.valueOf(ex.getMessage()));
        }
        if (ex instanceof OutOfMemoryError) {
            return Failures.describe(ex, null);
        }
        return "internal error: " + oneLine(ex.toString());
    }

    static String oneLine(String s) {
        return Failures.oneLine(s);
    }

    /** The application version: the jar manifest's, or the development version when run from classes. */
    static String version() {
        String v = FlowCli.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** Version from the jar manifest, or the development version when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flowexplorer " + version()};
        }
    }
}
