package org.flowexplorer.model.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The PyTorch fixture under src/test/resources/torch and a way to run /usr/bin/python3 with torch when present. */
final class TorchFixtures {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean torchAvailable;

    private TorchFixtures() {
    }

    static Path path(String name) {
        return Fixtures.resource("torch/" + name);
    }

    /** Whether /usr/bin/python3 can import torch and numpy (checked once). */
    static synchronized boolean torchAvailable() {
        if (torchAvailable == null) {
            boolean ok = false;
            if (Files.isExecutable(PYTHON)) {
                try {
                    ok = run(List.of("-c", "import torch, numpy"), 120).exitCode == 0;
                } catch (IOException e) {
                    ok = false;
                }
            }
            torchAvailable = ok;
        }
        return torchAvailable;
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> args, int timeoutSeconds) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
