package org.flowexplorer.app.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flowexplorer.app.io.Failures;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.SplineShape;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.ModelFormatException;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson format on its own: round trip, a newer version's keys, and every kind of bad file. */
class LessonFileTest {
    @TempDir
    Path dir;

    static Lesson sample() {
        return new Lesson("Why alternate masks", "Two layers with the same mask.",
                new DataSource.Toy(ToyDataset.CHECKERBOARD, 1500, 0.0, 7),
                null, new Architecture(4, new int[] {32, 32}, CouplingType.ADDITIVE), new TrainingConfig(128, 3e-3, 1.0, 5),
                Set.of("loss", "sample-invert"), EnumSet.of(LessonControl.LAYERS, LessonControl.COUPLING),
                EnumSet.of(LessonControl.LEARNING_RATE), 2, new double[] {0.5, -0.25},
                List.of(LessonStep.say("Look at the data."),
                        new LessonStep("Which coordinate does layer 1 change?", "Only y.", new LessonAction.GoToLayer(1)),
                        new LessonStep("Train.", null, new LessonAction.Play(300)),
                        new LessonStep("Loss.", null, new LessonAction.ShowView("loss")),
                        new LessonStep("Compare.", null, new LessonAction.Compare())));
    }

    @Test
    void aWrittenLessonReadsBackTheSame() throws IOException {
        Path f = dir.resolve("a" + LessonFile.EXTENSION);
        Lesson l = sample();
        LessonFile.write(f, l);
        OpenedLesson o = LessonFile.read(f);
        assertTrue(o.notes().isEmpty(), o.notes().toString());
        assertNull(o.session());
        Lesson r = o.lesson();
        assertEquals(l.title(), r.title());
        assertEquals(l.summary(), r.summary());
        assertEquals(l.source(), r.source());
        assertEquals(l.architecture(), r.architecture());
        assertEquals(l.training(), r.training());
        assertEquals(l.hiddenPanels(), r.hiddenPanels());
        assertEquals(l.hiddenControls(), r.hiddenControls());
        assertEquals(l.lockedControls(), r.lockedControls());
        assertEquals(2, r.startLayer());
        assertArrayEquals(l.startQuery(), r.startQuery());
        assertEquals(l.steps(), r.steps());
        assertTrue(LessonFile.isLesson(f));
    }

    @Test
    void everyBlockOfTheArchitectureAndTheNamedComparisonSurviveTheRoundTrip() throws IOException {
        // a lesson kept only layers, widths, coupling, scale and batch norm: ActNorm, mixers and the
        // spline's shape were lost on save
        Lesson s = sample();
        Architecture blocks = new Architecture(3, new int[] {16}, CouplingType.SPLINE).withNorm(Norm.ACT).withMixer(Mixer.LU)
                .withSpline(new SplineShape(5, 3.0));
        Lesson l = new Lesson(s.title(), s.summary(), s.source(), null, blocks, s.training(), Set.of(), Set.of(), Set.of(), 0,
                null, List.of(new LessonStep("Side by side.", null, new LessonAction.Compare("Compare: 2 vs 8 layers on two spirals"))));
        Path f = dir.resolve("blocks" + LessonFile.EXTENSION);
        LessonFile.write(f, l);
        Lesson r = LessonFile.read(f).lesson();
        assertEquals(blocks, r.architecture());
        assertEquals(l.steps(), r.steps());
    }

    @Test
    void customPointsAreEmbedded() throws IOException {
        float[] xy = new float[20];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = i * 0.25f - 1;
        }
        Lesson s = sample();
        Lesson l = new Lesson("Mine", "", new DataSource.Custom("drawn"), xy, s.architecture(), s.training(), Set.of(),
                null, null, -1, null, s.steps());
        Path f = dir.resolve("b" + LessonFile.EXTENSION);
        LessonFile.write(f, l);
        Lesson r = LessonFile.read(f).lesson();
        assertArrayEquals(xy, r.points());
        assertEquals(new DataSource.Custom("drawn"), r.source());
        assertEquals(-1, r.startLayer());
        assertNull(r.startQuery());
    }

    @Test
    void aNewerVersionsUnknownKeysAreIgnoredWithANote() throws IOException {
        String json = LessonFile.toJsonText(sample())
                .replace("\"version\" : 1", "\"version\" : 3, \"theme\" : \"sepia\"")
                .replace("\"hiddenPanels\"", "\"zoom\" : 2, \"hiddenPanels\"")
                .replace("\"lockedControls\" : [ \"learning-rate\" ]", "\"lockedControls\" : [ \"learning-rate\", \"warp-drive\" ]")
                .replace("\"do\" : \"compare\"", "\"do\" : \"quiz\"");
        Path f = dir.resolve("newer" + LessonFile.EXTENSION);
        Files.writeString(f, json);
        OpenedLesson o = LessonFile.read(f);
        String notes = String.join(" ", o.notes());
        assertTrue(notes.contains("newer Flow Explorer (lesson format 3"), notes);
        assertTrue(notes.contains("'theme'") && notes.contains("'window.zoom'") && notes.contains("\"warp-drive\"")
                && notes.contains("\"quiz\""), notes);
        assertEquals(EnumSet.of(LessonControl.LEARNING_RATE), o.lesson().lockedControls());
        assertEquals(5, o.lesson().steps().size());
        assertNull(o.lesson().steps().get(4).action());
    }

    @Test
    void badFilesAreOneLineNamingTheFile() throws IOException {
        String good = LessonFile.toJsonText(sample());
        String[][] cases = {
            {"not JSON", "{ this is not json", "not valid JSON"},
            {"empty", "", "empty"},
            {"an array", "[1, 2]", "expected a JSON object"},
            {"wrong format", good.replace(LessonFile.FORMAT, "something-else"), "'format'"},
            {"version as text", good.replace("\"version\" : 1", "\"version\" : \"one\""), "'version' must be an integer"},
            {"layers as text", good.replace("\"layers\" : 4", "\"layers\" : \"four\""), "'architecture.layers' must be an integer"},
            {"too many layers", good.replace("\"layers\" : 4", "\"layers\" : 4000"), "architecture: layers"},
            {"steps missing", good.replaceAll("(?s)\"steps\" : \\[.*", "\"steps\" : [] }"), "'steps' must be a non-empty list"},
            {"step without text", good.replace("\"text\" : \"Look at the data.\"", "\"text\" : 5"), "'steps[0].text' must be a string"},
            {"negative play", good.replace("\"steps\" : 300", "\"steps\" : -3"), "steps[2].action"},
            {"start layer out of range", good.replace("\"layer\" : 2", "\"layer\" : 9"), "start.layer"},
            {"unknown data set", good.replace("checkerboard", "donut"), "data.name"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve(c[0].replace(' ', '-') + LessonFile.EXTENSION);
            Files.writeString(f, c[1], StandardCharsets.UTF_8);
            IOException e = assertThrows(ModelFormatException.class, () -> LessonFile.read(f), c[0]);
            String line = Failures.describe(e, f);
            assertTrue(line.contains(f.getFileName().toString()) && line.contains(c[2]), c[0] + ": " + line);
            assertFalse(line.contains("\n") || line.contains("Exception"), line);
        }
    }

    @Test
    void aTooLargeFileIsRefusedBeforeItIsParsed() throws IOException {
        Path f = dir.resolve("huge" + LessonFile.EXTENSION);
        byte[] big = new byte[LessonFile.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        Files.write(f, big);
        IOException e = assertThrows(ModelFormatException.class, () -> LessonFile.read(f));
        assertTrue(Failures.describe(e, f).contains("larger than a lesson can be"), e.getMessage());
    }

    @Test
    void aZipWithoutALessonIsNoLesson() throws IOException {
        Path f = dir.resolve("plain.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
            out.putNextEntry(new java.util.zip.ZipEntry("x.txt"));
            out.write(1);
        }
        assertFalse(LessonFile.isLesson(f));
        IOException e = assertThrows(ModelFormatException.class, () -> LessonFile.read(f));
        assertTrue(Failures.describe(e, f).contains("missing entry lesson.json"), e.getMessage());
    }
}
