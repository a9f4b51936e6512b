package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error is one line on stderr with the right exit code: 2 usage, 1 runtime. */
class CliErrorTest {
    @TempDir
    Path dir;

    private CliRunner.Result err(int code, Object... args) {
        return CliRunner.run(args).assertError(code);
    }

    @Test
    void usageErrors() {
        Path out = dir.resolve("o.csv");
        assertTrue(err(2, "dataset", "--name", "blobs", "--n", 10, "--out", out).err().contains("valid names"));
        err(2, "dataset", "--name", "moons", "--n", 0, "--out", out);
        err(2, "dataset", "--name", "moons", "--n", 10, "--noise", -1, "--out", out);
        err(2, "dataset", "--name", "moons", "--n", 10);
        err(2, "dataset", "--name", "moons", "--n", "ten", "--out", out);
        err(2, "dataset", "--name", "moons", "--n", 10, "--out", dir.resolve("o.txt"));
        assertTrue(err(2, "train", "--dataset", "moons", "--steps", -5).err().contains("--steps"));
        err(2, "train", "--dataset", "moons", "--batch", 0);
        err(2, "train", "--dataset", "moons", "--lr", 0);
        err(2, "train", "--dataset", "moons", "--lr", -0.1);
        err(2, "train", "--dataset", "moons", "--layers", 0);
        err(2, "train", "--dataset", "moons", "--hidden", "8,-1");
        err(2, "train", "--dataset", "moons", "--hidden", "8,x");
        err(2, "train", "--dataset", "moons", "--coupling", "maf");
        err(2, "train", "--dataset", "moons", "--clip", -1);
        err(2, "train", "--dataset", "nope");
        err(2, "train");
        err(2, "train", "--dataset", "moons", "--data", out);
        err(2, "train", "--data", out, "--n", 10);
        err(2, "frobnicate");
        err(2, "--frobnicate");
        err(2, "eval", "--data", out);
    }

    @Test
    void unknownModelExtensionIsAUsageError() {
        Path csv = dir.resolve("d.csv");
        assertTrue(err(2, "train", "--dataset", "moons", "--out", dir.resolve("m.pt")).err().contains(".zip"));
        err(2, "eval", "--model", dir.resolve("m.pkl"), "--data", csv);
        err(2, "sample", "--model", dir.resolve("m"), "--n", 5, "--out", dir.resolve("s.csv"));
        err(2, "transform", "--model", dir.resolve("m.json"), "--data", csv, "--direction", "forward",
                "--out", dir.resolve("t.csv"));
        err(2, "transform", "--model", dir.resolve("m.zip"), "--data", csv, "--direction", "sideways",
                "--out", dir.resolve("t.csv"));
        err(2, "convert", "--model", dir.resolve("m.zip"), "--out", dir.resolve("m.onnx"));
    }

    @Test
    void missingAndBadDataFiles() throws Exception {
        String missing = err(1, "train", "--data", dir.resolve("missing.csv"), "--steps", 1).err();
        assertEquals("error: missing.csv: file not found", missing.strip());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3,abc\n");
        String msg = err(1, "train", "--data", bad, "--steps", 1).err();
        assertTrue(msg.startsWith("error: bad.csv line 3:"), msg);
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y\n1,2\n3,4\n");
        err(1, "train", "--data", good, "--test", bad, "--steps", 1);
    }

    @Test
    void unwritableOutput() {
        String msg = err(1, "dataset", "--name", "moons", "--n", 5, "--out", dir.resolve("no/such/dir/o.csv")).err();
        assertTrue(msg.contains("cannot write"), msg);
    }
}
