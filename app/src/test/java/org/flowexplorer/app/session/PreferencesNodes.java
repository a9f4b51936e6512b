package org.flowexplorer.app.session;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Throw-away preference nodes, so tests never touch the user's real settings. */
final class PreferencesNodes {
    private PreferencesNodes() {
    }

    static Preferences fresh() {
        return Preferences.userRoot().node("flowexplorer-test-" + UUID.randomUUID());
    }

    static void remove(Preferences node) throws BackingStoreException {
        node.removeNode();
        Preferences.userRoot().flush();
    }
}
