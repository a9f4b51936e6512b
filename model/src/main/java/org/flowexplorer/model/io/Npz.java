package org.flowexplorer.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.flowexplorer.model.Limits;
import org.flowexplorer.model.fs.AtomicFiles;

/**
 * NumPy {@code .npz} archives: a ZIP file whose entries are {@code <key>.npy} files, as written by
 * {@code np.savez} (stored) and {@code np.savez_compressed} (deflated). This is how PyTorch
 * {@code state_dict}s are exchanged, e.g.
 * {@code np.savez(path, **{k: v.numpy() for k, v in model.state_dict().items()})}.
 *
 * <p>The container is a {@link ZipArchive}: every entry's CRC-32 is checked, and an entry is read
 * header first, so a shape the caller does not expect (or one too large) is refused before its
 * data is inflated, and an entry holding more data than its header declares (a zip bomb) is
 * refused at the first excess byte. Entries are written with a fixed timestamp so that the same
 * arrays always give the same bytes.
 */
public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /** Checks one array's key, dtype and shape before its data is read; throws to refuse it. */
    @FunctionalInterface
    public interface ArrayCheck {
        void check(String key, NdType dtype, int[] shape) throws IOException;
    }

    /**
     * Reads all arrays of an {@code .npz} file, at most {@link Limits#MAX_NPZ_BYTES} of data in all.
     * Keys are entry names without the {@code .npy} suffix, in archive order. Directory entries
     * are skipped; any other non-{@code .npy} entry, or a malformed one, is an
     * {@link NpyFormatException} naming the file and entry.
     */
    public static LinkedHashMap<String, NdArray> read(Path file) throws IOException {
        long[] budget = {Limits.MAX_NPZ_BYTES};
        return read(file, (key, dtype, shape) -> {
            long bytes = dtype.itemSize();
            for (int d : shape) {
                bytes = Math.multiplyExact(bytes, (long) d);
            }
            budget[0] -= bytes;
            if (budget[0] < 0) {
                throw new NpyFormatException(file + "!" + key + SUFFIX, "the arrays hold more than "
                        + Limits.MAX_NPZ_BYTES + " bytes, the limit for an .npz file");
            }
        });
    }

    /** As {@link #read(Path)}, with {@code check} looking at every array's header before its data is read. */
    public static LinkedHashMap<String, NdArray> read(Path file, ArrayCheck check) throws IOException {
        LinkedHashMap<String, NdArray> arrays = new LinkedHashMap<>();
        try (ZipArchive zip = ZipArchive.open(file, NpyFormatException::new, why -> "not a valid .npz (zip) archive: " + why)) {
            for (ZipEntry entry : zip.entries()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (!name.endsWith(SUFFIX)) {
                    throw new NpyFormatException(file + "!" + name, "not an .npy entry");
                }
                String key = name.substring(0, name.length() - SUFFIX.length());
                if (arrays.containsKey(key)) {
                    throw new NpyFormatException(file + "!" + name, "duplicate entry");
                }
                arrays.put(key, zip.readNpy(entry, (n, dtype, shape) -> check.check(key, dtype, shape)));
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
        for (String key : arrays.keySet()) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("array keys must be non-empty");
            }
        }
        ZipArchive.write(out, zip -> {
            for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
                byte[] npy = Npy.write(e.getValue());
                if (compressed) {
                    zip.deflated(e.getKey() + SUFFIX, npy);
                } else {
                    zip.stored(e.getKey() + SUFFIX, npy);
                }
            }
        });
    }
}
