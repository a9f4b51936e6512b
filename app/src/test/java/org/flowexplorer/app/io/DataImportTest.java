package org.flowexplorer.app.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowexplorer.app.draw.Brush;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.io.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataImportTest {
    @TempDir
    Path dir;

    @Test
    void exportThenImportIsExact() throws Exception {
        float[] points = Brush.DEFAULT.stroke(0.3, -1.7, 500, 4);
        points[0] = 1e-30f;
        Path file = dir.resolve("drawn.csv");
        DataImport.exportCsv(file, points);
        DataImport.ImportedPoints in = DataImport.importCsv(file);
        assertArrayEquals(points, in.points());
        assertEquals(500, in.size());
        assertEquals(new DataSource.Custom("drawn.csv"), in.dataSource());
    }

    @Test
    void errorsNameFileLineAndReason() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\n3,abc\n");
        DataFileException e = assertThrows(DataFileException.class, () -> DataImport.importCsv(bad));
        assertTrue(e.getMessage().startsWith("bad.csv line 3: "), e.getMessage());
        assertEquals(3, e.line());
        Path columns = Files.writeString(dir.resolve("cols.CSV"), "1,2,3\n");
        assertEquals("cols.CSV line 1: expected 2 columns, found 3",
                assertThrows(DataFileException.class, () -> DataImport.importCsv(columns)).getMessage());
        Path txt = Files.writeString(dir.resolve("points.txt"), "1,2\n");
        assertEquals("points.txt: only .csv point files (x,y per line) can be imported",
                assertThrows(DataFileException.class, () -> DataImport.importCsv(txt)).getMessage());
        Path missing = dir.resolve("gone.csv");
        assertEquals("gone.csv: file not found", assertThrows(DataFileException.class, () -> DataImport.importCsv(missing)).getMessage());
    }

    @Test
    void dropsAcceptOneCsv() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "1,2\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "3,4\n");
        Path npz = dir.resolve("model.npz");
        assertTrue(DataImport.acceptsDrop(List.of(a)));
        assertFalse(DataImport.acceptsDrop(List.of(a, b)));
        assertFalse(DataImport.acceptsDrop(List.of(npz)));
        assertFalse(DataImport.acceptsDrop(List.of()));
        assertArrayEquals(new float[] {1, 2}, DataImport.importDrop(List.of(a)).points());
        assertTrue(assertThrows(DataFileException.class, () -> DataImport.importDrop(List.of(a, b))).getMessage()
                .contains("drop one .csv file at a time (2 files were dropped)"));
    }

    @Test
    void exportRejectsWhatImportWould() {
        assertThrows(IllegalArgumentException.class, () -> DataImport.exportCsv(dir.resolve("x.csv"), new float[] {1, Float.NaN}));
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }
}
