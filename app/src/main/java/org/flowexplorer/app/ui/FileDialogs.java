package org.flowexplorer.app.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the menus ask for file names. The default shows the platform's file choosers and starts in
 * the directory used last; tests replace it with fixed answers.
 */
public interface FileDialogs {
    /** A file to write, or null when cancelled. */
    Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters);

    /** A file to read, or null when cancelled. */
    Path open(Window owner, String title, List<FileChooser.ExtensionFilter> filters);

    /** A directory (e.g. for a PNG frame sequence), or null when cancelled. */
    Path directory(Window owner, String title);

    static FileChooser.ExtensionFilter filter(String description, String... extensions) {
        String[] globs = new String[extensions.length];
        for (int i = 0; i < extensions.length; i++) {
            globs[i] = "*." + extensions[i];
        }
        return new FileChooser.ExtensionFilter(description + " (" + String.join(", ", globs) + ")", globs);
    }

    /** The platform's choosers, remembering the last directory between calls. */
    static FileDialogs system() {
        return new FileDialogs() {
            private File lastDir;

            private File remember(File f, boolean isDir) {
                if (f != null) {
                    lastDir = isDir ? f : f.getParentFile();
                }
                return f;
            }

            private File startDir() {
                return lastDir != null && lastDir.isDirectory() ? lastDir : null;
            }

            @Override
            public Path save(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
                FileChooser fc = new FileChooser();
                fc.setTitle(title);
                fc.setInitialFileName(initialName);
                fc.getExtensionFilters().setAll(filters);
                fc.setInitialDirectory(startDir());
                File f = remember(fc.showSaveDialog(owner), false);
                return f == null ? null : withExtension(f.toPath(), fc.getSelectedExtensionFilter(), filters);
            }

            @Override
            public Path open(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
                FileChooser fc = new FileChooser();
                fc.setTitle(title);
                fc.getExtensionFilters().setAll(filters);
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
                fc.setInitialDirectory(startDir());
                File f = remember(fc.showOpenDialog(owner), false);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path directory(Window owner, String title) {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle(title);
                dc.setInitialDirectory(startDir());
                File f = remember(dc.showDialog(owner), true);
                return f == null ? null : f.toPath();
            }
        };
    }

    /** Appends the chosen filter's first extension when the typed name has none of the filters' extensions. */
    static Path withExtension(Path p, FileChooser.ExtensionFilter chosen, List<FileChooser.ExtensionFilter> filters) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (FileChooser.ExtensionFilter f : filters) {
            for (String glob : f.getExtensions()) {
                if (glob.startsWith("*.") && name.endsWith(glob.substring(1))) {
                    return p;
                }
            }
        }
        FileChooser.ExtensionFilter use = chosen != null ? chosen : filters.isEmpty() ? null : filters.get(0);
        if (use == null || use.getExtensions().isEmpty() || !use.getExtensions().get(0).startsWith("*.")
                || Files.isDirectory(p)) {
            return p;
        }
        return p.resolveSibling(p.getFileName() + use.getExtensions().get(0).substring(1));
    }
}
