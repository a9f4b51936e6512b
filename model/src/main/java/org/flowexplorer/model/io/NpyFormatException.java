package org.flowexplorer.model.io;

import java.io.IOException;

/**
 * Malformed or unsupported {@code .npy}/{@code .npz} content. The message always starts with the
 * name of the file or archive entry, e.g. {@code "layers.0.mask.npy: unsupported dtype '<c8'"},
 * so a user can tell which array of a model file is at fault.
 */
public class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NpyFormatException(String source, String detail) {
        super(source + ": " + detail);
    }
}
