package org.flowexplorer.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The application class-data-sharing archive that {@code mvn package} writes beside the jar
 * ({@code app/target/flowexplorer.jsa}, from a short headless run of the window under
 * {@code -XX:ArchiveClassesAtExit}): the window's JVM maps the JavaFX, ND4J and app classes from it
 * instead of reading, parsing and verifying them from the jars, about a quarter less CPU before the
 * explorer is drawn (see docs/performance.md). The archive holds the classes as the build's JDK, jar
 * files and collector (ZGC) saw them; when any of these differ the JVM ignores it silently and
 * loads classes as usual, so a stale or moved archive costs nothing but its benefit.
 *
 * <p>A launcher that starts the window's JVM itself (an app image passing
 * {@code --add-modules jdk.incubator.vector}, so {@link VectorRelaunch} does not re-run) passes
 * {@code -XX:SharedArchiveFile=<its archive> -XX:+UseZGC} on its own command line: the {@code image}
 * build writes the image's archive with its own runtime in the smoke run and then adds the option to
 * the launcher's configuration with {@link #main}.
 */
final class ClassDataArchive {
    /** The archive's file name, beside the application jar. */
    static final String FILE_NAME = "flowexplorer.jsa";
    /** The jpackage launcher configuration's line that maps the archive beside the jar ($APPDIR). */
    static final String LAUNCHER_OPTION = "java-options=-XX:SharedArchiveFile=$APPDIR/" + FILE_NAME;

    private ClassDataArchive() {
    }

    /** The archive beside the jar this class was loaded from, if the build wrote one. */
    static Optional<Path> besideJar() {
        try {
            var source = ClassDataArchive.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            Path archive = jar.resolveSibling(FILE_NAME);
            return Files.isRegularFile(jar) && Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The options that map {@code archive} in a child JVM, or none when the user chose class sharing
     * or a collector other than the one the archive was written with.
     */
    static List<String> options(Optional<Path> archive, List<String> jvmArgs) {
        boolean ownSharing = jvmArgs.stream().anyMatch(a -> a.startsWith("-Xshare") || a.startsWith("-XX:SharedArchiveFile")
                || a.startsWith("-XX:ArchiveClassesAtExit"));
        boolean otherCollector = jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC")
                && !a.equals("-XX:+UseZGC"));
        if (archive.isEmpty() || ownSharing || otherCollector) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive.get());
    }

    /**
     * Build step of the app image: {@code java -cp flowexplorer.jar org.flowexplorer.app.ClassDataArchive
     * <launcher .cfg>} adds {@link #LAUNCHER_OPTION} to the configuration when the archive is beside it.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassDataArchive <jpackage launcher .cfg>");
            System.exit(2);
        }
        Path cfg = Path.of(args[0]);
        if (!Files.isRegularFile(cfg.resolveSibling(FILE_NAME))) {
            System.err.println("no " + FILE_NAME + " beside " + cfg + ": the image runs without the class-data archive");
            return;
        }
        Files.writeString(cfg, withArchiveOption(Files.readString(cfg, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * A launcher configuration that maps the archive: {@link #LAUNCHER_OPTION} at the end of its
     * {@code [JavaOptions]} section (added if there is none), once.
     */
    static String withArchiveOption(String cfg) {
        if (cfg.lines().anyMatch(l -> l.strip().equals(LAUNCHER_OPTION))) {
            return cfg;
        }
        String nl = cfg.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new java.util.ArrayList<>(cfg.lines().toList());
        int section = lines.indexOf("[JavaOptions]");
        if (section < 0) {
            lines.add("");
            lines.add("[JavaOptions]");
            lines.add(LAUNCHER_OPTION);
        } else {
            int end = section + 1;
            while (end < lines.size() && !lines.get(end).startsWith("[")) {
                end++;
            }
            while (end > section + 1 && lines.get(end - 1).isBlank()) {
                end--;
            }
            lines.add(end, LAUNCHER_OPTION);
        }
        return String.join(nl, lines) + nl;
    }
}
