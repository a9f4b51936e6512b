package org.flowexplorer.model.fs;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFileAttributeView;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.DirectoryStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Writes a file so that readers (and a crash) see either the complete old content or the
 * complete new content, never a half-written file: the body writes a temporary file in the
 * target's directory, which is fsynced and then renamed over the target.
 *
 * <p>A kill during a save leaves the temporary file behind; the next save of the same target
 * removes it once its writer is gone. Temporary names fit in 255 bytes whenever the target's does.
 *
 * <p>Used for model archives, {@code .npz} and CSV exports, where a truncated file would look
 * valid enough to load and fail much later.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";
    /** Bytes of the target's name kept in a temporary name: 255 less the dot, hash, pid (up to 19 digits), random and suffix. */
    private static final int MAX_NAME_PART = 255 - 41;
    private static final Pattern OURS = Pattern.compile(".*\\.([0-9]{1,19})-[0-9a-f]{6}\\.tmp");
    private static final Pattern OLD = Pattern.compile("[0-9a-f]{1,16}\\.tmp");
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final Duration OLD_STALE_AFTER = Duration.ofMinutes(10);

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically. {@code body} receives a buffered stream it must not rely
     * on closing (closing it only flushes). If {@code body} throws (checked or unchecked), the
     * target is left untouched, the temporary file is deleted and the exception propagates.
     *
     * <p>The rename uses {@link StandardCopyOption#ATOMIC_MOVE}; on file systems without atomic
     * rename it falls back to {@link StandardCopyOption#REPLACE_EXISTING}. The temporary file is
     * created with the process's default permissions (not {@code Files.createTempFile}'s 0600),
     * so the result looks like any other file the user saved.
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        removeStaleTemps(dir, name);
        Path temp = createTemp(dir, name);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                body.accept(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                channel.force(true);
            }
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    /**
     * Writes a UTF-8 text file atomically, as {@link #write}; {@code body} gets a buffered writer
     * that it must not rely on closing.
     */
    public static void writeText(Path target, IOConsumer<BufferedWriter> body) throws IOException {
        write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.accept(w);
            w.flush();
        });
    }

    /** A replaced file keeps its permissions (where the file system has POSIX permissions). */
    private static void keepPermissions(Path temp, Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.getPosixFilePermissions(target));
        }
    }

    /** Creates {@link #tempName} next to the target (same file system, so rename is atomic). */
    private static Path createTemp(Path dir, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            String random = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
            try {
                return Files.createFile(dir.resolve(tempName(name, pid, random)));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * {@code .<name>.<hash>.<pid>-<random>.tmp}: the target's name cut to {@value #MAX_NAME_PART}
     * bytes, so that the temporary name fits in 255 bytes whenever the target's does; the CRC-32
     * of the whole name tells the temporary files of two long names apart; the writer's process
     * id tells whether a leftover file is still being written.
     */
    static String tempName(String targetName, long pid, String random) {
        return tempPrefix(targetName) + pid + "-" + random + TEMP_SUFFIX;
    }

    private static String tempPrefix(String targetName) {
        CRC32 crc = new CRC32();
        crc.update(targetName.getBytes(StandardCharsets.UTF_8));
        return "." + cut(targetName, MAX_NAME_PART) + "." + String.format("%08x", crc.getValue()) + ".";
    }

    /** The longest prefix of {@code s} (whole code points) of at most {@code maxBytes} UTF-8 bytes. */
    private static String cut(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /**
     * Deletes temporary files a killed save of the same target left behind (best effort): ours
     * when the process that wrote it is gone and it has not changed for {@link #STALE_AFTER};
     * those of the older naming {@code .<name>.<hex>.tmp}, which carries no process id, when
     * they have not changed for {@link #OLD_STALE_AFTER}. A file another live save is writing
     * (in this process or another) is never touched.
     */
    private static void removeStaleTemps(Path dir, String name) {
        String prefix = tempPrefix(name);
        String oldPrefix = "." + name + ".";
        long self = ProcessHandle.current().pid();
        Instant now = Instant.now();
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                String file = temp.getFileName().toString();
                Duration unchanged = Duration.between(Files.getLastModifiedTime(temp).toInstant(), now);
                boolean stale;
                Matcher ours = OURS.matcher(file);
                if (file.startsWith(prefix) && ours.matches() && ours.start(1) == prefix.length()) {
                    long pid = Long.parseLong(ours.group(1));
                    stale = pid != self && ProcessHandle.of(pid).isEmpty() && unchanged.compareTo(STALE_AFTER) > 0;
                } else {
                    stale = file.startsWith(oldPrefix) && OLD.matcher(file.substring(oldPrefix.length())).matches()
                            && unchanged.compareTo(OLD_STALE_AFTER) > 0;
                }
                if (stale) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cleaning up is a courtesy; the save itself must not fail for it
        }
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS); best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open directories; the data itself is already on disk
        }
    }
}
