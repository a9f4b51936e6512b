package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process with captured stdout/stderr. */
final class CliRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String out, String err) {
        /** Every stdout line parsed as a JSON object (fails if one is not). */
        List<JsonNode> jsonLines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    assertTrue(node.isObject(), "not a JSON object: " + line);
                    lines.add(node);
                } catch (IOException e) {
                    throw new UncheckedIOException("stdout line is not JSON: " + line, e);
                }
            }
            return lines;
        }

        /** The last JSON object on stdout: the command's result. */
        JsonNode result() {
            List<JsonNode> lines = jsonLines();
            assertFalse(lines.isEmpty(), "no JSON on stdout; stderr: " + err);
            return lines.get(lines.size() - 1);
        }

        Result assertOk() {
            assertEquals(0, exitCode, "exit code; stderr: " + err);
            assertEquals("", err, "stderr of a successful run");
            return this;
        }

        /** Asserts a failure with the given exit code, exactly one error line and no stack trace. */
        Result assertError(int expectedCode) {
            assertEquals(expectedCode, exitCode, "exit code; stderr: " + err + " stdout: " + out);
            String[] lines = err.strip().split("\n");
            assertEquals(1, lines.length, "stderr should be one line: " + err);
            assertTrue(lines[0].startsWith("error: "), "stderr: " + err);
            assertFalse(err.contains("Exception"), "stderr mentions an exception: " + err);
            assertFalse(err.contains("at org."), "stderr has a stack trace: " + err);
            assertFalse(err.contains("\tat "), "stderr has a stack trace: " + err);
            assertEquals("", out, "stdout of a failed run");
            return this;
        }
    }

    private CliRunner() {
    }

    static Result run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowCli.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(a);
        return new Result(code, out.toString(), err.toString());
    }
}
