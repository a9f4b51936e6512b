package org.flowexplorer.app.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentFilesTest extends FreshPreferences {
    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "x");
    }

    @Test
    void mostRecentFirstDeduplicatedAndBounded() throws IOException {
        RecentFiles recent = new RecentFiles(node);
        assertEquals(List.of(), recent.list());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(file("f" + i + ".session.zip"));
            recent.add(files.get(i));
        }
        assertEquals(List.of(files.get(9), files.get(8), files.get(7), files.get(6), files.get(5), files.get(4),
                files.get(3), files.get(2)), recent.list());
        recent.add(dir.resolve("sub/../f5.session.zip")); // same file, other spelling: moved to the front
        assertEquals(files.get(5), recent.list().get(0));
        assertEquals(RecentFiles.MAX, recent.list().size());
        assertEquals(1, recent.list().stream().filter(p -> p.equals(files.get(5))).count());
        // persisted: a new instance on the same node sees the same list
        assertEquals(recent.list(), new RecentFiles(node).list());
        recent.remove(files.get(9));
        assertEquals(7, recent.list().size());
        recent.clear();
        assertEquals(List.of(), new RecentFiles(node).list());
    }

    @Test
    void missingFilesArePrunedOnRead() throws IOException {
        RecentFiles recent = new RecentFiles(node);
        Path a = file("a.zip");
        Path b = file("b.zip");
        Path c = file("c.zip");
        recent.add(a);
        recent.add(b);
        recent.add(c);
        Files.delete(b);
        assertEquals(List.of(c, a), recent.list());
        assertEquals(a.toString(), node.get("1", null)); // the store itself was pruned
        assertEquals(null, node.get("2", null));
        Files.delete(a);
        Files.delete(c);
        assertEquals(List.of(), recent.list());
    }

    @Test
    void relativePathsAreStoredAbsolute() throws IOException {
        RecentFiles recent = new RecentFiles(node);
        Path a = file("rel.zip");
        recent.add(Path.of("").toAbsolutePath().relativize(a));
        assertEquals(List.of(a), recent.list());
        assertEquals(a.toString(), node.get("0", null));
    }
}
