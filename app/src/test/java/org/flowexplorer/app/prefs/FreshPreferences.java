package org.flowexplorer.app.prefs;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the preference tests: a throw-away node (never the user's real settings) and a temporary folder. */
abstract class FreshPreferences {
    protected final Preferences node = Preferences.userRoot().node("flowexplorer-test-" + UUID.randomUUID());

    @TempDir
    protected Path dir;

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
        Preferences.userRoot().flush();
    }
}
