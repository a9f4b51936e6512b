package org.flowexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The file the window opens at start: {@code --lesson F} (or {@code --lesson=F}), or one plain file
 * argument ({@code java -jar flow-explorer.jar moons.lesson.json}, a desktop's "open with"). A plain
 * argument counts only when it names an existing file, so a CLI command is never taken for one.
 */
public final class LessonArgument {
    private LessonArgument() {
    }

    /** Whether {@code args} ask for the window with a file rather than for a CLI command. */
    public static boolean opensWindow(String[] args) {
        return from(List.of(args)).isPresent();
    }

    /** The file to open, if the arguments name one. */
    public static Optional<Path> from(List<String> args) {
        if (args.size() == 2 && args.get(0).equals("--lesson")) {
            return Optional.of(Path.of(args.get(1)));
        }
        if (args.size() == 1 && args.get(0).startsWith("--lesson=")) {
            return Optional.of(Path.of(args.get(0).substring("--lesson=".length())));
        }
        if (args.size() == 1 && !args.get(0).startsWith("-") && args.get(0).contains(".")) {
            Path p = Path.of(args.get(0));
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return Optional.empty();
    }
}
