package org.flowexplorer.model.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsAndReplacesFiles() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFiles.write(target, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("a,b\n", Files.readString(target));
        AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.close(); // closing inside the body is harmless
        });
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void failingBodyLeavesTargetUntouchedAndRemovesTemp() throws IOException {
        Path target = Files.writeString(dir.resolve("model.zip"), "original");
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial content".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("original", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void uncheckedFailureIsHandledTheSameWay() throws IOException {
        Path target = Files.writeString(dir.resolve("data.npz"), "original");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("bug");
        }));
        assertEquals("original", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void missingDirectoryIsAnIOException() {
        assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.write(dir.resolve("no/such/dir/x.csv"), out -> out.write(1)));
    }

    /** Issue 10 item 13: the temporary file's name must fit wherever the target's does (255 bytes on most file systems). */
    @Test
    void longestLegalNamesCanBeWritten() throws IOException {
        for (String name : List.of("a".repeat(251) + ".zip", "\u00e9".repeat(125) + ".zip")) {
            Path target = dir.resolve(name);
            AtomicFiles.write(target, out -> out.write(1));
            assertEquals(List.of(target), listing());
            Files.delete(target);
        }
    }

    /** Issue 10 item 12: a save killed mid-way leaves a temporary file; the next save of that target removes it. */
    @Test
    void staleTempFilesOfTheTargetAreRemovedOnTheNextSave() throws IOException {
        Path target = dir.resolve("model.zip");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Path oldScheme = Files.setLastModifiedTime(Files.createFile(dir.resolve(".model.zip.0123456789abcdef.tmp")), old);
        Path otherTarget = Files.setLastModifiedTime(Files.createFile(dir.resolve(".other.zip.0123456789abcdef.tmp")), old);
        Path freshOldScheme = Files.createFile(dir.resolve(".model.zip.fedcba9876543210.tmp"));
        long dead = deadPid();
        FileTime minutesAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(3)));
        Path deadWriter = Files.setLastModifiedTime(Files.createFile(dir.resolve(AtomicFiles.tempName("model.zip", dead, "00aa11"))), minutesAgo);
        Path deadButJustWritten = Files.createFile(dir.resolve(AtomicFiles.tempName("model.zip", dead, "00aa22")));
        Path liveWriter = Files.setLastModifiedTime(Files.createFile(
                dir.resolve(AtomicFiles.tempName("model.zip", ProcessHandle.current().pid(), "00aa33"))), old);
        Path otherDead = Files.setLastModifiedTime(Files.createFile(dir.resolve(AtomicFiles.tempName("other.zip", dead, "00aa44"))), old);
        AtomicFiles.write(target, out -> out.write(1));
        assertEquals(Set.of(target, otherTarget, freshOldScheme, deadButJustWritten, liveWriter, otherDead), Set.copyOf(listing()));
        assertTrue(Files.exists(target) && !Files.exists(oldScheme) && !Files.exists(deadWriter));
    }

    /** The id of a process that has ended. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertTrue(ProcessHandle.of(p.pid()).isEmpty());
        return p.pid();
    }

    private List<Path> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
