package org.flowexplorer.app.prefs;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The "Open Recent" list: up to {@link #MAX} session or model files, most recent first, stored
 * as absolute normalised paths under keys {@code 0..MAX-1} of a preferences node. Adding a file
 * already listed moves it to the front; files that no longer exist are dropped whenever the list
 * is read (and the pruned list is written back), so the menu never offers a dead entry.
 *
 * <p>The node is injected so tests (and a portable mode) can use their own; the app uses
 * {@code AppPreferences.root().node("recent")}. Not synchronized: use it from one thread (the UI's).
 */
public final class RecentFiles {
    /** How many files the list keeps. */
    public static final int MAX = 8;

    private final Preferences node;

    public RecentFiles(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The existing files, most recent first; missing ones are pruned from the store. */
    public List<Path> list() {
        List<Path> stored = stored();
        List<Path> existing = new ArrayList<>();
        for (Path p : stored) {
            if (Files.isRegularFile(p)) {
                existing.add(p);
            }
        }
        if (existing.size() != stored.size()) {
            store(existing);
        }
        return List.copyOf(existing);
    }

    /** Puts {@code file} at the front (removing an earlier mention) and keeps the newest {@link #MAX}. */
    public void add(Path file) {
        Path p = normalise(file);
        List<Path> files = new ArrayList<>(stored());
        files.remove(p);
        files.add(0, p);
        store(files.subList(0, Math.min(MAX, files.size())));
    }

    /** Removes {@code file} if listed (e.g. after it failed to open). */
    public void remove(Path file) {
        List<Path> files = new ArrayList<>(stored());
        if (files.remove(normalise(file))) {
            store(files);
        }
    }

    public void clear() {
        store(List.of());
    }

    private static Path normalise(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** What the store holds, in order, skipping entries that are not usable paths. */
    private List<Path> stored() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String s = node.get(Integer.toString(i), null);
            if (s == null) {
                break;
            }
            try {
                Path p = normalise(Path.of(s));
                if (!files.contains(p)) {
                    files.add(p);
                }
            } catch (InvalidPathException e) {
                // written by another platform or edited by hand: skip it
            }
        }
        return files;
    }

    private void store(List<Path> files) {
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                node.put(Integer.toString(i), files.get(i).toString());
            } else {
                node.remove(Integer.toString(i));
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience: keep working with the in-memory values
        }
    }
}
