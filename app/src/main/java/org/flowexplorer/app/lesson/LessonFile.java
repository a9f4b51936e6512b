package org.flowexplorer.app.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.flowexplorer.model.fs.AtomicFiles;
import org.flowexplorer.model.io.ModelFormatException;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.io.SessionFile;
import org.flowexplorer.model.io.ZipArchive;

/**
 * Lesson files. A lesson is one small JSON document ({@link LessonWriter} lists its fields), either
 * on its own as {@code <name>}{@value #EXTENSION} (the model starts untrained) or as the entry
 * {@value #ENTRY} of a session zip ({@link SessionFile}), which then also carries the trained model,
 * its data and loss curve.
 *
 * <p>Reading is all or nothing, like every reader of the app: a file that is not JSON, larger than
 * {@link #MAX_BYTES}, of the wrong format or with a field of the wrong type or range is refused
 * with one {@link ModelFormatException} naming the file and the field, and nothing is started.
 * Keys this version does not know (a newer version's) are skipped and reported in
 * {@link OpenedLesson#notes()}.
 */
public final class LessonFile {
    public static final String FORMAT = "flow-explorer-lesson";
    /** The version this code writes and the newest it knows fully; a newer one opens with a note. */
    public static final int VERSION = 1;
    public static final String EXTENSION = ".lesson.json";
    /** The lesson's entry inside a session zip. */
    public static final String ENTRY = "lesson.json";
    /** The largest lesson JSON read (enough for 100 000 embedded points). */
    public static final int MAX_BYTES = 8 << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LessonFile() {
    }

    /** Whether {@code file} looks like a lesson: a {@code .lesson.json}, or a zip holding {@value #ENTRY}; never throws. */
    public static boolean isLesson(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(EXTENSION)) {
            return true;
        }
        if (!isZip(file)) {
            return false;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getEntry(ENTRY) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads a lesson, on its own or inside a session zip; all or nothing. */
    public static OpenedLesson read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (isZip(file)) {
            byte[] json = ZipArchive.readArchive(file, "lesson", zip -> zip.readBytes(zip.require(ENTRY,
                    "; a session zip is a lesson only when it holds " + ENTRY), MAX_BYTES));
            Session session = SessionFile.load(file);
            LessonReader reader = new LessonReader(file.toString());
            Lesson lesson = reader.read(parse(file, json), session);
            return new OpenedLesson(lesson, session, name, reader.notes());
        }
        LessonReader reader = new LessonReader(file.toString());
        Lesson lesson = reader.read(parse(file, readBounded(file)), null);
        return new OpenedLesson(lesson, null, name, reader.notes());
    }

    /** Reads a lesson's JSON given as bytes (a built-in lesson), named {@code name} in messages. */
    public static OpenedLesson read(String name, byte[] json) throws IOException {
        if (json.length > MAX_BYTES) {
            throw new ModelFormatException(name, "larger than a lesson can be (over " + (MAX_BYTES >> 20) + " MiB)");
        }
        LessonReader reader = new LessonReader(name);
        return new OpenedLesson(reader.read(parse(Path.of(name), json), null), null, name, reader.notes());
    }

    /** Writes a lesson on its own (custom points embedded), atomically. */
    public static void write(Path file, Lesson lesson) throws IOException {
        byte[] json = JSON.writeValueAsBytes(LessonWriter.toJson(lesson, true));
        AtomicFiles.write(file, out -> out.write(json));
    }

    /** Writes a session zip with the lesson as its {@value #ENTRY} (the model and points live in the session), atomically. */
    public static void write(Path file, Lesson lesson, Session session) throws IOException {
        byte[] json = JSON.writeValueAsBytes(LessonWriter.toJson(lesson, false));
        SessionFile.save(file, session, Map.of(ENTRY, json));
    }

    /** A lesson as its JSON text (for tests and the dialog's preview). */
    public static String toJsonText(Lesson lesson) throws IOException {
        return JSON.writeValueAsString(LessonWriter.toJson(lesson, true));
    }

    private static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ModelFormatException(file, "larger than a lesson can be (over " + (MAX_BYTES >> 20) + " MiB)");
            }
            return bytes;
        }
    }

    private static JsonNode parse(Path file, byte[] bytes) throws ModelFormatException {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new ModelFormatException(file, "empty; not a lesson file");
            }
            return root;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int cut = why.indexOf(" (");
            var at = e.getLocation();
            throw new ModelFormatException(file, "not a lesson: not valid JSON (" + (cut < 0 ? why : why.substring(0, cut))
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
        } catch (IOException e) {
            throw new ModelFormatException(file, "not a lesson: " + e.getMessage());
        }
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), new byte[] {'P', 'K', 3, 4});
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
