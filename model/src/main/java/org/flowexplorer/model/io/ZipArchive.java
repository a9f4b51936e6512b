package org.flowexplorer.model.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flowexplorer.model.Limits;
import org.flowexplorer.model.fs.AtomicFiles;
import org.flowexplorer.model.fs.IOConsumer;

/**
 * The zip container under model files, sessions and {@code .npz}: reading with a size limit per
 * entry, refused before more is inflated, and a CRC-32 check of every entry ({@link ZipFile}
 * checks neither); writing with a fixed timestamp, so the same content always gives the same
 * bytes.
 *
 * <p>Reading goes through {@link ZipFile}, which uses the central directory and understands
 * ZIP64 (NumPy writes every entry with ZIP64 extra fields). Every failure is an exception made by
 * the archive's {@link Failure}, so a model file reports {@link ModelFormatException}s and a plain
 * {@code .npz} {@link NpyFormatException}s, each one line naming the file and entry.
 */
public final class ZipArchive implements Closeable {
    /** Earliest DOS timestamp; makes archives reproducible. */
    public static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** Makes the exception for a problem: {@code source} is the file, {@code detail} the one-line reason. */
    @FunctionalInterface
    public interface Failure {
        IOException of(String source, String detail);
    }

    /** Looks at an {@code .npy} entry's dtype and shape before its data is read; throws to refuse it. */
    @FunctionalInterface
    public interface NpyCheck {
        void check(String entry, NdType dtype, int[] shape) throws IOException;
    }

    /** Reads an open archive. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ZipArchive zip) throws IOException;
    }

    private final Path file;
    private final ZipFile zip;
    private final Failure failure;

    private ZipArchive(Path file, ZipFile zip, Failure failure) {
        this.file = file;
        this.zip = zip;
        this.failure = failure;
    }

    /**
     * Opens {@code file}; a file that is no zip archive is {@code failure}'s exception with the
     * detail {@code notAZip} makes of the zip library's reason. A missing or unreadable file is
     * the plain {@link IOException} ({@code NoSuchFileException}, ...).
     */
    public static ZipArchive open(Path file, Failure failure, UnaryOperator<String> notAZip) throws IOException {
        try {
            return new ZipArchive(file, new ZipFile(file.toFile()), failure);
        } catch (ZipException e) {
            throw failure.of(file.toString(), notAZip.apply(e.getMessage()));
        }
    }

    /**
     * Opens a Flow Explorer archive ({@code kind} "model" or "session"), runs {@code reader} and
     * closes it; every failure becomes a one-line {@link ModelFormatException} naming the file.
     */
    public static <T> T readArchive(Path file, String kind, Reader<T> reader) throws ModelFormatException {
        try (ZipArchive zip = open(file, ModelFormatException::new,
                why -> "not a Flow Explorer " + kind + ": not a valid zip archive (" + why + "); the file may be truncated")) {
            return reader.read(zip);
        } catch (IOException e) {
            throw ModelFormatException.wrap(file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The entry called {@code name}, or null. */
    public ZipEntry entry(String name) {
        return zip.getEntry(name);
    }

    /** The entry called {@code name}; a missing one is refused with "missing entry NAME" and {@code why}. */
    public ZipEntry require(String name, String why) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw fail("missing entry " + name + why);
        }
        return entry;
    }

    /** Every entry, in archive order. */
    public List<ZipEntry> entries() {
        return new ArrayList<>(Collections.list(zip.entries()));
    }

    /** The archive's exception for {@code detail}. */
    public IOException fail(String detail) {
        return failure.of(file.toString(), detail);
    }

    /**
     * Reads a whole entry, refusing it as soon as it inflates beyond {@code limit} bytes, and
     * checks its size and CRC-32 against the archive's directory.
     */
    public byte[] readBytes(ZipEntry entry, long limit) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (bytes.length > limit) {
                throw fail("entry " + entry.getName() + " is larger than its contents can be (over " + limit + " bytes)");
            }
            return verified(entry, bytes);
        } catch (ZipException | EOFException e) {
            throw corrupt(entry, e);
        }
    }

    /**
     * Reads an {@code .npy} entry: its header first, which {@code check} may refuse (a wrong or
     * too large shape), then exactly the data the header declares. An entry holding more is
     * refused before the excess is inflated, so a small file cannot make a huge array, nor a
     * large one (a zip bomb) be inflated.
     */
    public NdArray readNpy(ZipEntry entry, NpyCheck check) throws IOException {
        String name = entry.getName();
        String source = file + "!" + name;
        try (InputStream in = zip.getInputStream(entry)) {
            Npy.Start start = Npy.readStart(in, source, Limits.MAX_NPY_HEADER_BYTES);
            check.check(name, start.type(), start.shape());
            long total = start.prefix().length + start.dataBytes();
            if (total > Integer.MAX_VALUE - 16) {
                throw fail("entry " + name + " is too large (" + start.describe() + ")");
            }
            if (entry.getSize() > total) {
                throw tooMuch(name, start);
            }
            // readNBytes grows with what is really there, so a header declaring a huge shape
            // before a few bytes of data costs only those bytes
            byte[] data = in.readNBytes((int) start.dataBytes());
            if (data.length == start.dataBytes() && in.read() >= 0) {
                throw tooMuch(name, start);
            }
            byte[] bytes = Arrays.copyOf(start.prefix(), start.prefix().length + data.length);
            System.arraycopy(data, 0, bytes, start.prefix().length, data.length);
            return Npy.read(verified(entry, bytes), source);
        } catch (ZipException | EOFException e) {
            throw corrupt(entry, e);
        }
    }

    private IOException tooMuch(String name, Npy.Start start) {
        return fail("entry " + name + " holds more data than its .npy header declares (" + start.describe()
                + " needs " + start.dataBytes() + " bytes)");
    }

    private byte[] verified(ZipEntry entry, byte[] bytes) throws IOException {
        if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
            throw fail("entry " + entry.getName() + " is corrupt (" + bytes.length + " bytes, the archive says " + entry.getSize() + ")");
        }
        if (entry.getCrc() >= 0) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.getCrc()) {
                throw fail("entry " + entry.getName() + " is corrupt (CRC mismatch)");
            }
        }
        return bytes;
    }

    private IOException corrupt(ZipEntry entry, IOException e) {
        IOException failed = fail("entry " + entry.getName() + " is corrupt (" + e.getMessage() + ")");
        failed.initCause(e);
        return failed;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    // ---------------------------------------------------------------- writing

    /** Adds entries to an archive being written. */
    public static final class Writer {
        private final ZipOutputStream zip;

        private Writer(ZipOutputStream zip) {
            this.zip = zip;
        }

        /** A compressed entry. */
        public void deflated(String name, byte[] bytes) throws IOException {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.DEFLATED);
            put(entry, bytes);
        }

        /** An uncompressed entry (as {@code np.savez} writes). */
        public void stored(String name, byte[] bytes) throws IOException {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            put(entry, bytes);
        }

        private void put(ZipEntry entry, byte[] bytes) throws IOException {
            entry.setTimeLocal(FIXED_TIME);
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
    }

    /** Writes an archive to {@code out}, finished but not closed. */
    public static void write(OutputStream out, IOConsumer<Writer> body) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        body.accept(new Writer(zip));
        zip.finish();
    }

    /** Writes an archive to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, IOConsumer<Writer> body) throws IOException {
        AtomicFiles.write(file, out -> write(out, body));
    }
}
