package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flowexplorer.model.io.Allocations;
import org.flowexplorer.model.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile CSV files (issue 10 items 8 and 14): refused quickly, without memory in proportion to the file. */
class PointCsvLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aLineOfMillionsOfCommasIsRefusedAtTheThirdColumn() throws IOException {
        Path file = dir.resolve("commas.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("x,y\n1,2".getBytes(StandardCharsets.US_ASCII));
            byte[] commas = new byte[1 << 20];
            Arrays.fill(commas, (byte) ',');
            for (int i = 0; i < 20; i++) {
                out.write(commas);
            }
            out.write('\n');
        }
        long t0 = System.nanoTime();
        long allocated = Allocations.during(() -> PointCsv.read(file));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        DataFileException e = assertThrows(DataFileException.class, () -> PointCsv.read(file));
        assertEquals("commas.csv line 2: expected 2 columns, found more than 2", e.getMessage());
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes for a 20 MB line");
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void anOverlongLineIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("long.csv"), "x,y\n1," + "1".repeat(Limits.MAX_CSV_LINE_CHARS) + "\n");
        DataFileException e = assertThrows(DataFileException.class, () -> PointCsv.read(file));
        assertEquals("long.csv line 2: longer than " + Limits.MAX_CSV_LINE_CHARS + " characters; a line holds two numbers x,y", e.getMessage());
    }

    @Test
    void moreThanThePointLimitIsRefusedWhileReading() throws Exception {
        Path file = dir.resolve("many.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] row = "0,1\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i <= Limits.MAX_POINTS; i++) {
                out.write(row);
            }
        }
        DataFileException e = assertThrows(DataFileException.class, () -> PointCsv.read(file));
        assertEquals("many.csv line " + (Limits.MAX_POINTS + 1) + ": more than " + Limits.MAX_POINTS
                + " points (the limit for every data set)", e.getMessage());
        // exactly the limit is fine
        Path exact = dir.resolve("exact.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(exact), 1 << 16)) {
            for (int i = 0; i < Limits.MAX_POINTS; i++) {
                out.write("0,1\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertEquals(2 * Limits.MAX_POINTS, PointCsv.read(exact).length);
    }

    @Test
    void generatedSetsHaveThePointLimitToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToyDataset.MOONS.generate(Integer.MAX_VALUE, 0.1, 1));
        assertEquals(Integer.MAX_VALUE + " points is over the limit of " + Limits.MAX_POINTS, e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ToyDataset.CHECKERBOARD.generate(Limits.MAX_POINTS + 1, 0.0, 1));
    }
}
