package org.flowexplorer.model.io;

import org.flowexplorer.model.fs.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives: a ZIP file whose entries are {@code <key>.npy} files, as written by
 * {@code np.savez} (stored) and {@code np.savez_compressed} (deflated). This is how PyTorch
 * {@code state_dict}s are exchanged, e.g.
 * {@code np.savez(path, **{k: v.numpy() for k, v in model.state_dict().items()})}.
 *
 * <p>NumPy writes every entry with ZIP64 extra fields ({@code force_zip64=True}); reading goes
 * through {@link ZipFile}, which uses the central directory and understands ZIP64, so large
 * arrays and many entries both work. Entries are written with a fixed timestamp so that the same
 * arrays always give the same bytes.
 */
public final class Npz {
    private static final String SUFFIX = ".npy";
    /** Earliest DOS timestamp; makes archives reproducible. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /**
     * Reads all arrays of an {@code .npz} file. Keys are entry names without the {@code .npy}
     * suffix, in archive order. Directory entries are skipped; any other non-{@code .npy} entry,
     * or a malformed one, is an {@link NpyFormatException} naming the file and entry.
     */
    public static LinkedHashMap<String, NdArray> read(Path file) throws IOException {
        LinkedHashMap<String, NdArray> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new NpyFormatException(file.toString(), "not a valid .npz (zip) archive: " + e.getMessage());
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String source = file + "!" + name;
                if (!name.endsWith(SUFFIX)) {
                    throw new NpyFormatException(source, "not an .npy entry");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                } catch (ZipException | java.io.EOFException e) {
                    throw new NpyFormatException(source, "corrupt zip entry: " + e.getMessage());
                }
                String key = name.substring(0, name.length() - SUFFIX.length());
                if (arrays.put(key, Npy.read(bytes, source)) != null) {
                    throw new NpyFormatException(source, "duplicate entry");
                }
            }
        }
        return arrays;
    }

    /**
     * Writes {@code arrays} to {@code file} atomically (see {@link AtomicFiles}); each key becomes
     * the entry {@code <key>.npy}. {@code compressed} selects deflate like
     * {@code np.savez_compressed}, otherwise entries are stored like {@code np.savez}.
     */
    public static void write(Path file, Map<String, NdArray> arrays, boolean compressed) throws IOException {
        AtomicFiles.write(file, out -> write(out, arrays, compressed));
    }

    /** Writes an {@code .npz} archive to {@code out} (finished but not closed). */
    public static void write(OutputStream out, Map<String, NdArray> arrays, boolean compressed) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("array keys must be non-empty");
            }
            byte[] npy = Npy.write(e.getValue());
            ZipEntry entry = new ZipEntry(key + SUFFIX);
            entry.setTimeLocal(FIXED_TIME);
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                CRC32 crc = new CRC32();
                crc.update(npy);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(npy.length);
                entry.setCompressedSize(npy.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(npy);
            zip.closeEntry();
        }
        zip.finish();
    }
}
