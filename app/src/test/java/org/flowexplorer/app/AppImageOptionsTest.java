package org.flowexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowexplorer.model.nn.VectorSupport;
import org.junit.jupiter.api.Test;

/**
 * The app image (profile {@code image} of app/pom.xml) passes the JVM options that VectorRelaunch
 * would give the window's child, so the two cannot drift apart; and a JVM that has them does not
 * relaunch itself (the image runs the app in its own JVM).
 */
class AppImageOptionsTest {
    private static final Pattern JAVA_OPTION = Pattern.compile(
            "<argument>--java-options</argument>\\s*<argument>([^<]+)</argument>");

    static List<String> imageJavaOptions() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> options = new ArrayList<>();
        Matcher m = JAVA_OPTION.matcher(pom);
        while (m.find()) {
            options.add(m.group(1).trim());
        }
        return options;
    }

    @Test
    void theImageHasTheWindowChildsOptions() throws IOException {
        List<String> child = VectorRelaunch.childCommand(new String[0], List.of(), Optional.empty());
        List<String> expected = new ArrayList<>();
        expected.add("--add-modules=" + child.get(child.indexOf("--add-modules") + 1));
        expected.add("--enable-native-access=ALL-UNNAMED");
        assertTrue(child.contains("--enable-native-access=ALL-UNNAMED"), child.toString());
        expected.add("-XX:+UseZGC");
        expected.addAll(VectorRelaunch.GUI_HEAP);
        assertTrue(child.containsAll(VectorRelaunch.EARLY_KERNEL_COMPILES), child.toString());
        expected.addAll(VectorRelaunch.EARLY_KERNEL_COMPILES);
        assertFalse(child.indexOf("-XX:+UseZGC") < 0, child.toString());
        assertEquals(expected, imageJavaOptions());
    }

    @Test
    void withTheVectorApiTheWindowIsNotRelaunched() {
        assumeTrue(VectorSupport.available(), "this JVM was started without --add-modules jdk.incubator.vector");
        assertFalse(VectorRelaunch.wanted(new String[0]));
        assertFalse(VectorRelaunch.wanted(new String[] {"train", "--help"}));
    }

    @Test
    void theLauncherConfigurationMapsTheImagesArchiveOnce() {
        String cfg = "[Application]\napp.classpath=$APPDIR/flowexplorer.jar\n\n[JavaOptions]\n"
                + "java-options=-XX:+UseZGC\njava-options=-Xmx2g\n";
        String mapped = ClassDataArchive.withArchiveOption(cfg);
        assertEquals("[Application]\napp.classpath=$APPDIR/flowexplorer.jar\n\n[JavaOptions]\n"
                + "java-options=-XX:+UseZGC\njava-options=-Xmx2g\n"
                + "java-options=-XX:SharedArchiveFile=$APPDIR/flowexplorer.jsa\n", mapped);
        assertEquals(mapped, ClassDataArchive.withArchiveOption(mapped), "a second build step adds nothing");
        String before = "[JavaOptions]\r\njava-options=-Xmx2g\r\n\r\n[ArgOptions]\r\narguments=x\r\n";
        assertEquals("[JavaOptions]\r\njava-options=-Xmx2g\r\n" + ClassDataArchive.LAUNCHER_OPTION
                + "\r\n\r\n[ArgOptions]\r\narguments=x\r\n", ClassDataArchive.withArchiveOption(before),
                "inside its section, with the file's line ends");
        assertTrue(ClassDataArchive.withArchiveOption("[Application]\n").endsWith("[JavaOptions]\n"
                + ClassDataArchive.LAUNCHER_OPTION + "\n"));
    }

    @Test
    void theJarsArchiveRecordsAnAbsoluteClassPath() throws IOException {
        // The JVM resolves a relative class path recorded in the archive against the working directory:
        // written with "flowexplorer.jar" it was refused by every launch not started in app/target.
        String pom = Files.readString(Path.of("pom.xml"));
        String execution = pom.substring(pom.indexOf("<id>class-data-archive</id>"));
        execution = execution.substring(0, execution.indexOf("</execution>"));
        Matcher cp = Pattern.compile("<argument>-cp</argument>\\s*<argument>([^<]+)</argument>").matcher(execution);
        assertTrue(cp.find(), "the archive run names its class path");
        assertTrue(cp.group(1).startsWith("${project.build.directory}/"), cp.group(1));
    }
}
