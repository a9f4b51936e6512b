package org.flowexplorer.app;

import java.net.URISyntaxException;
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
 * {@code -XX:SharedArchiveFile=<its archive> -XX:+UseZGC} on its own command line.
 */
final class ClassDataArchive {
    /** The archive's file name, beside the application jar. */
    static final String FILE_NAME = "flowexplorer.jsa";

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
}
