package org.flowexplorer.model.io;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the numpy-written fixtures under src/test/resources/io (see make_npz_fixtures.py), and other test resources. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        return resource("io/" + name);
    }

    /** A file under src/test/resources, e.g. {@code "torch/realnvp_fixture.npz"}. */
    static Path resource(String relative) {
        var url = Fixtures.class.getResource("/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
