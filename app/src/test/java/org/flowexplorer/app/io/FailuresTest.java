package org.flowexplorer.app.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    private static final Path FILE = Path.of("/data/points.csv");

    @Test
    void fileSystemErrorsNameTheFile() {
        assertEquals("/x/a.zip: no such file or directory", Failures.describe(new NoSuchFileException("/x/a.zip"), null));
        assertEquals("/x/a.zip: permission denied", Failures.describe(new AccessDeniedException("/x/a.zip"), FILE));
        assertEquals("/x: No space left on device",
                Failures.describe(new FileSystemException("/x", null, "No space left on device"), null));
    }

    @Test
    void wrappersAreLookedThrough() {
        IOException io = new IOException("points.csv line 3: expected 2 columns, found 1");
        assertEquals(io.getMessage(), Failures.describe(new CompletionException(new UncheckedIOException(io)), FILE));
    }

    @Test
    void otherFailuresGetTheFileNameUnlessTheyNameIt() {
        assertEquals("points.csv: bad magic", Failures.describe(new IllegalStateException("bad magic"), FILE));
        assertEquals("bad magic", Failures.describe(new IllegalStateException("bad magic"), null));
        assertEquals("points.csv: negative array size exception",
                Failures.describe(new NegativeArraySizeException(), FILE));
        assertEquals("two lines", Failures.describe(new IllegalStateException("two\n  lines"), null));
    }
}
