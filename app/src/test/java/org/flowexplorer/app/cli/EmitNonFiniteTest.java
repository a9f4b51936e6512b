package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The safety net under every command: a non-finite number never reaches stdout as a result. */
class EmitNonFiniteTest {
    @Command(name = "emits")
    static final class Emits extends CliCommand {
        final Map<String, Object> result = new LinkedHashMap<>();

        @Override
        void execute() {
            emit(result);
        }
    }

    private static String[] run(Map<String, Object> result) {
        Emits cmd = new Emits();
        cmd.result.putAll(result);
        StringWriter out = new StringWriter();
        String[] error = {null, null};
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            error[1] = FlowCli.describe(ex);
            return 1;
        });
        int status = cl.execute();
        error[0] = status + " " + out;
        return error;
    }

    @Test
    void nanAndInfinityFailNamingTheField() {
        String[] r = run(Map.of("mean_nll", Double.NaN));
        assertEquals("1 ", r[0]);
        assertTrue(r[1].contains("mean_nll = NaN"), r[1]);
        r = run(Map.of("loss", Float.POSITIVE_INFINITY));
        assertEquals("1 ", r[0]);
        assertTrue(r[1].contains("loss = Infinity"), r[1]);
    }

    @Test
    void finiteResultsPrintAsBefore() {
        String[] r = run(Map.of("n", 3, "mean_nll", 1.5));
        assertTrue(r[0].startsWith("0 {"), r[0]);
        assertTrue(r[0].contains("\"mean_nll\":1.5"), r[0]);
    }
}
