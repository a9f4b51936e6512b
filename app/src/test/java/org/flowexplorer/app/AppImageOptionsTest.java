package org.flowexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        expected.add("-XX:+UseZGC");
        expected.addAll(VectorRelaunch.GUI_HEAP);
        assertFalse(child.indexOf("-XX:+UseZGC") < 0, child.toString());
        assertEquals(expected, imageJavaOptions());
    }

    @Test
    void withTheVectorApiTheWindowIsNotRelaunched() {
        assumeTrue(VectorSupport.available(), "this JVM was started without --add-modules jdk.incubator.vector");
        assertFalse(VectorRelaunch.wanted(new String[0]));
        assertFalse(VectorRelaunch.wanted(new String[] {"train", "--help"}));
    }
}
