package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing point CSV files with {@link PointCsv}. */
class PointCsvTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsBitIdentical() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        float[] xy = new float[2000];
        for (int i = 0; i < xy.length; i++) {
            float v;
            do {
                v = Float.intBitsToFloat(rng.nextInt()); // every exponent, subnormals included
            } while (!Float.isFinite(v));
            xy[i] = v;
        }
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MAX_VALUE, 0.1f, 1e-8f, 123456.78f, 3f};
        System.arraycopy(special, 0, xy, 0, special.length);
        Path file = dir.resolve("points.csv");
        PointCsv.write(file, xy);
        float[] back = PointCsv.read(file);
        assertEquals(xy.length, back.length);
        for (int i = 0; i < xy.length; i++) {
            assertEquals(Float.floatToRawIntBits(xy[i]), Float.floatToRawIntBits(back[i]), "value " + i);
        }
        assertTrue(Files.readString(file).startsWith("x,y\n"));
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("p.csv");
        PointCsv.write(file, new float[] {1, 2, 3, 4});
        PointCsv.write(file, new float[] {5, 6});
        assertArrayEquals(new float[] {5, 6}, PointCsv.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writeRejectsOddLengthAndNonFiniteValues() {
        Path file = dir.resolve("p.csv");
        assertThrows(IllegalArgumentException.class, () -> PointCsv.write(file, new float[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> PointCsv.write(file, new float[] {1, Float.NaN}));
        assertTrue(Files.notExists(file));
    }

    @Test
    void readsWithAndWithoutHeaderAndToleratesSpacesAndTrailingBlankLines() throws Exception {
        float[] expected = {1.5f, -2f, 3e-3f, 4f};
        assertArrayEquals(expected, PointCsv.read(write("a.csv", "x,y\n1.5,-2\n3e-3,4\n")));
        assertArrayEquals(expected, PointCsv.read(write("b.csv", "1.5,-2\n3e-3,4")));
        assertArrayEquals(expected, PointCsv.read(write("c.csv", " x , y \r\n 1.5 ,\t-2\r\n+3.0E-3, 4.\r\n\r\n  \n")));
        assertArrayEquals(expected, PointCsv.read(write("d.csv", "\uFEFFx,y\n1.5,-2\n.003,4\n")));
    }

    @Test
    void readsTheFormatOfThePythonReference() throws Exception {
        // np.savetxt(..., header="x,y", comments="", fmt="%.7g")
        Path file = write("ref.csv", "x,y\n-0.9165734,0.3141593\n1.234568e-05,-7\n");
        assertArrayEquals(new float[] {-0.9165734f, 0.3141593f, 1.234568e-05f, -7f}, PointCsv.read(file));
    }

    @Test
    void missingFile() {
        assertError(dir.resolve("nothere.csv"), 0, "nothere.csv: file not found");
    }

    @Test
    void directoryIsNotAFile() {
        DataFileException e = assertThrows(DataFileException.class, () -> PointCsv.read(dir));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    /** Each bad file: name, content, the line reported (0: the whole file) and the exact message. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                // no data rows
                Arguments.of("empty.csv", "", 0, "empty.csv: no data rows"),
                Arguments.of("blank.csv", "\n\n", 0, "blank.csv: no data rows"),
                Arguments.of("header.csv", "x,y\n", 0, "header.csv: no data rows"),
                // a non-numeric cell is quoted with its line
                Arguments.of("moons.csv", "x,y\n1,2\n3,4\n5,6\n7,8\n9,10\nabc,1\n", 7, "moons.csv line 7: \"abc\" is not a number"),
                Arguments.of("java.csv", "1,2\n1f,2\n", 2, "java.csv line 2: \"1f\" is not a number"),
                Arguments.of("empty-cell.csv", "1,2\n3,\n", 2, "empty-cell.csv line 2: \"\" is not a number"),
                // a first line with one number is data, not a header
                Arguments.of("half.csv", "1,y\n", 1, "half.csv line 1: \"y\" is not a number"),
                // NaN and infinity are not finite
                Arguments.of("nan.csv", "x,y\n1,NaN\n", 2, "nan.csv line 2: \"NaN\" is not a finite number"),
                Arguments.of("inf.csv", "x,y\n1,2\n-inf,2\n", 3, "inf.csv line 3: \"-inf\" is not a finite number"),
                Arguments.of("big.csv", "x,y\n1e39,2\n", 2, "big.csv line 2: \"1e39\" is not a finite number"),
                // wrong column count
                Arguments.of("three.csv", "x,y\n1,2\n1,2,3\n", 3, "three.csv line 3: expected 2 columns, found 3"),
                Arguments.of("one.csv", "x,y\n1\n", 2, "one.csv line 2: expected 2 columns, found 1"),
                Arguments.of("trailing.csv", "1,2,\n", 1, "trailing.csv line 1: expected 2 columns, found 3"),
                Arguments.of("semicolon.csv", "1;2\n", 1, "semicolon.csv line 1: expected 2 columns, found 1"),
                // a blank line inside the data
                Arguments.of("gap.csv", "x,y\n1,2\n\n3,4\n", 3, "gap.csv line 3: blank line before the end of the data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileIsOneClearError(String name, String content, int line, String message) throws Exception {
        assertError(write(name, content), line, message);
    }

    @Test
    void aBadLine500LoadsNothing() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 2; i <= 1000; i++) {
            sb.append(i == 500 ? "0.5,oops" : i + ",0.25").append('\n');
        }
        Path file = write("long.csv", sb.toString());
        DataFileException e = assertError(file, 500, "long.csv line 500: \"oops\" is not a number");
        assertEquals(file, e.file());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static DataFileException assertError(Path file, int line, String message) {
        DataFileException e = assertThrows(DataFileException.class, () -> PointCsv.read(file));
        assertEquals(message, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(file, e.file());
        return e;
    }
}
