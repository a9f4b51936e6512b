package org.flowexplorer.model.io;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the numpy-written fixtures under src/test/resources/io (see make_npz_fixtures.py). */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        var url = Fixtures.class.getResource("/io/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource io/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
