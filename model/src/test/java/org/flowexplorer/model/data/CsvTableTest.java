package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing column tables with {@link CsvTable}. */
class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void writesHeaderAndRowsInColumnOrder() throws Exception {
        Path file = dir.resolve("trace.csv");
        CsvTable.writeColumns(file, List.of("l0_x", "l0_y", "l1_x"),
                List.of(new float[] {1f, 0.1f}, new float[] {-2f, 3e-9f}, new float[] {0f, 1e10f}));
        assertEquals("l0_x,l0_y,l1_x\n1.0,-2.0,0.0\n0.1,3.0E-9,1.0E10\n", Files.readString(file));
    }

    @Test
    void doubleColumnsKeepDoublePrecisionAndNonFiniteValues() throws Exception {
        Path file = dir.resolve("logp.csv");
        double v = 0.1 + 0.2;
        CsvTable.writeDoubleColumns(file, List.of("log_prob"),
                List.of(new double[] {v, Double.NEGATIVE_INFINITY, Double.NaN}));
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("log_prob", "0.30000000000000004", "-Infinity", "NaN"), lines);
        assertEquals(v, Double.parseDouble(lines.get(1)));
    }

    @Test
    void floatColumnsReadBackAsPoints() throws Exception {
        Path file = dir.resolve("xy.csv");
        CsvTable.writeColumns(file, List.of("x", "y"), List.of(new float[] {1.25f, 3f}, new float[] {-0.5f, 7e-7f}));
        float[] xy = PointCsv.read(file);
        assertEquals(List.of(1.25f, -0.5f, 3f, 7e-7f), List.of(xy[0], xy[1], xy[2], xy[3]));
    }

    @Test
    void zeroRowsGiveAHeaderOnlyFile() throws Exception {
        Path file = dir.resolve("none.csv");
        CsvTable.writeColumns(file, List.of("a"), List.of(new float[0]));
        assertEquals("a\n", Files.readString(file));
    }

    @Test
    void rejectsMismatchedShapesAndBadNamesWithoutWriting() throws Exception {
        Path file = dir.resolve("bad.csv");
        assertThrows(IllegalArgumentException.class,
                () -> CsvTable.writeColumns(file, List.of("a", "b"), List.of(new float[2], new float[3])));
        assertThrows(IllegalArgumentException.class,
                () -> CsvTable.writeColumns(file, List.of("a"), List.of(new float[2], new float[2])));
        assertThrows(IllegalArgumentException.class, () -> CsvTable.writeColumns(file, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> CsvTable.writeColumns(file, List.of("a,b"), List.of(new float[1])));
        assertThrows(IllegalArgumentException.class,
                () -> CsvTable.writeDoubleColumns(file, List.of(" "), List.of(new double[1])));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void replacesExistingFileKeepingItsPermissions() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "old\n");
        boolean posix = Files.getFileStore(file).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        }
        CsvTable.writeColumns(file, List.of("v"), List.of(new float[] {2f}));
        assertEquals("v\n2.0\n", Files.readString(file));
        if (posix) {
            assertEquals("rw-rw----",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.allMatch(file::equals));
        }
    }
}
