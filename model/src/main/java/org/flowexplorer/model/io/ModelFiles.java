package org.flowexplorer.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.flowexplorer.model.flow.RealNVP;

/**
 * Loads and saves models by file extension: {@code .zip} is the native {@link ModelFile} (with
 * metadata), {@code .npz} a PyTorch state_dict ({@link TorchStateDict}; metadata is not stored,
 * and saving writes uncompressed entries like {@code np.savez} — compressed files load too).
 * A {@link SessionFile} is a native zip too, so it loads here as its model.
 */
public final class ModelFiles {
    /** The extensions {@link #load} and {@link #save} understand, with what they mean. */
    public static final List<String> SUPPORTED_EXTENSIONS = List.of(".zip", ".npz");
    private static final String SUPPORTED = ".zip (Flow Explorer model) or .npz (PyTorch state_dict)";

    private ModelFiles() {
    }

    public static LoadedModel load(Path file) throws ModelFormatException {
        return switch (extension(file)) {
            case ".zip" -> ModelFile.load(file);
            case ".npz" -> TorchStateDict.read(file);
            default -> throw unsupported(file);
        };
    }

    /** Saves atomically; for {@code .npz} the metadata is dropped (a state_dict has no place for it). */
    public static void save(Path file, RealNVP model, ModelMetadata metadata) throws IOException {
        switch (extension(file)) {
            case ".zip" -> ModelFile.save(file, model, metadata);
            case ".npz" -> TorchStateDict.write(file, model, false);
            default -> throw unsupported(file);
        }
    }

    /** Whether {@link #load}/{@link #save} know the file's extension. */
    public static boolean isSupported(Path file) {
        return SUPPORTED_EXTENSIONS.contains(extension(file));
    }

    private static ModelFormatException unsupported(Path file) {
        String ext = extension(file);
        return new ModelFormatException(file, (ext.isEmpty() ? "no file extension" : "unsupported extension '" + ext + "'")
                + "; supported: " + SUPPORTED);
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot <= 0 ? "" : s.substring(dot).toLowerCase(Locale.ROOT);
    }
}
