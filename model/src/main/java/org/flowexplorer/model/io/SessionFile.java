package org.flowexplorer.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.flowexplorer.model.Limits;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSnapshot;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * A saved session: the native model archive of {@link ModelFile}, unchanged, plus a
 * {@code session/} folder:
 *
 * <ul>
 *   <li>{@code session/settings.json}: {@code format} ({@value #FORMAT}), {@code version}
 *       ({@value #VERSION}), {@code dataSource} ({@code {"kind":"toy","name","n","noise","seed"}} or
 *       {@code {"kind":"custom","origin"}}), {@code architecture} ({@code layers}, {@code hidden},
 *       {@code coupling}, and when not the seed's {@code scale} and {@code batchNorm}), {@code training} ({@code learningRate}, {@code batchSize}, {@code clipNorm},
 *       {@code seed}) and {@code view} (string → string);</li>
 *   <li>{@code session/data.npy}: the training points, float32 [n, 2] (n may be 0, at most
 *       {@link Limits#MAX_POINTS}, the limit of every data path).</li>
 * </ul>
 *
 * <p>The loss curve is stored once, where every model file keeps it: {@link ModelFile#TRAIN_HISTORY}
 * and {@link ModelFile#TEST_HISTORY} (float64 (step, nll) rows), so a session opened as a plain
 * model still shows its loss curve.
 *
 * <p><b>File name.</b> A session is written as an ordinary {@code .zip} and the app suggests the
 * name {@code <name>}{@value #EXTENSION}. Keeping the {@code .zip} extension means a session is
 * accepted, unchanged, everywhere a model is ({@link ModelFiles} dispatches on the extension, the
 * CLI's {@code eval}/{@code sample}/{@code convert}, Python's {@code zipfile}); the
 * {@code .session} infix only tells people (and file-chooser filters) which zips carry a session.
 * What makes a file a session is its content: {@link #isSession(Path)} checks for
 * {@code session/settings.json}, so the app's Open command can accept any {@code .zip} and open
 * a session or just a model accordingly.
 *
 * <p>Saving is atomic (one write of the whole archive). Loading reads the model and the session
 * entries from one open archive and validates all of it before returning, so the caller gets a
 * complete {@link Session} or a one-line {@link ModelFormatException} naming the file — never a
 * partly restored session.
 */
public final class SessionFile {
    public static final String FORMAT = "flow-explorer-session";
    /** The session-part version this code writes, and the newest it reads. */
    public static final int VERSION = 1;
    /** Suggested file-name ending; any {@code .zip} holding the session entries loads. */
    public static final String EXTENSION = ".session.zip";
    public static final String DIR = "session/";
    public static final String SETTINGS = DIR + "settings.json";
    public static final String DATA = DIR + "data.npy";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionFile() {
    }

    // ---------------------------------------------------------------- saving

    /**
     * Writes {@code session} to {@code file} atomically: an existing file is replaced only by a
     * complete new one.
     *
     * @throws IllegalArgumentException if the data has a non-finite coordinate or more than
     *                                  {@link Limits#MAX_POINTS} points, or the model is not 2-D
     */
    public static void save(Path file, Session session) throws IOException {
        save(file, session, Map.of());
    }

    /**
     * As {@link #save(Path, Session)}, with further entries (e.g. a lesson's {@code lesson.json})
     * in the same atomic write; their names must lie outside the model's and the session's own.
     */
    public static void save(Path file, Session session, Map<String, byte[]> extraEntries) throws IOException {
        for (String name : extraEntries.keySet()) {
            if (name.startsWith(DIR)) {
                throw new IllegalArgumentException("entry " + name + " belongs to the session part of the archive");
            }
        }
        RealNVP model = session.model();
        if (model.dim() != 2) {
            throw new IllegalArgumentException("sessions hold 2-D data; the model has dimension " + model.dim());
        }
        float[] data = session.data();
        Limits.requirePoints(data.length / 2);
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException("point " + i / 2 + " has a non-finite coordinate: " + data[i]);
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SETTINGS, JSON.writeValueAsBytes(settingsJson(session.settings())));
        entries.put(DATA, Npy.write(NdArray.ofFloats(data, data.length / 2, 2)));
        entries.putAll(extraEntries);
        ModelFile.save(file, model, session.metadata().withLossHistory(session.history().snapshot()), entries);
    }

    private static ObjectNode settingsJson(SessionSettings s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArchitectureJson.putDataSource(root.putObject("dataSource"), s.dataSource());
        ArchitectureJson.put(root.putObject("architecture"), s.architecture());
        ArchitectureJson.putTraining(root.putObject("training"), s.training());
        ObjectNode view = root.putObject("view");
        s.view().forEach(view::put);
        return root;
    }

    // ---------------------------------------------------------------- loading

    /** Whether {@code file} is a readable zip archive holding {@code session/settings.json}; never throws. */
    public static boolean isSession(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(SETTINGS) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads a session written by {@link #save}; all or nothing. */
    public static Session load(Path file) throws ModelFormatException {
        return ZipArchive.readArchive(file, "session", SessionFile::load);
    }

    private static Session load(ZipArchive zip) throws IOException {
        Path file = zip.file();
        if (zip.entry(SETTINGS) == null) {
            if (zip.entry(ModelFile.MANIFEST) != null) {
                throw new ModelFormatException(file, "a model file without a session (no " + SETTINGS + "); open it as a model instead");
            }
            throw new ModelFormatException(file, "missing " + SETTINGS + "; not a Flow Explorer session file");
        }
        SessionSettings settings = new SettingsReader(JsonEntry.read(zip, SETTINGS, "")).settings();
        LoadedModel loaded = ModelFile.load(zip);
        if (loaded.model().dim() != 2) {
            throw new ModelFormatException(file, "the model has dimension " + loaded.model().dim() + "; sessions hold 2-D models");
        }
        float[] data = readPoints(zip);
        LossSnapshot loss = loaded.metadata().lossHistory();
        return new Session(loaded.model(), loaded.metadata(), data, settings,
                LossHistory.of(loss == null ? LossSnapshot.empty() : loss));
    }

    /** The training points: a float32 [n, 2] array of at most {@link Limits#MAX_POINTS} finite points, checked from its header first. */
    private static float[] readPoints(ZipArchive zip) throws IOException {
        Path file = zip.file();
        NdArray a = zip.readNpy(zip.require(DATA, "; the session is incomplete"), (name, dtype, shape) -> {
            if (dtype != NdType.FLOAT32) {
                throw new ModelFormatException(file, "entry " + name + " has dtype " + dtype.name().toLowerCase(Locale.ROOT)
                        + ", expected float32");
            }
            if (shape.length != 2 || shape[1] != 2) {
                throw new ModelFormatException(file, "entry " + name + " has shape " + Arrays.toString(shape) + ", expected [n, 2]");
            }
            if (shape[0] > Limits.MAX_POINTS) {
                throw new ModelFormatException(file, name + " holds " + shape[0] + " points, over the limit of " + Limits.MAX_POINTS);
            }
        });
        float[] data = a.toFloats();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new ModelFormatException(file, "entry " + DATA + ": point " + i / 2 + " has a non-finite coordinate " + data[i]);
            }
        }
        return data;
    }

    /** Typed, validated access to settings.json; every error names the file, the entry and the field. */
    private static final class SettingsReader {
        private final JsonEntry json;
        private final JsonNode root;

        SettingsReader(JsonEntry json) throws ModelFormatException {
            this.json = json;
            this.root = json.root();
            JsonNode format = root.get("format");
            if (format == null || !format.isTextual() || !format.asText().equals(FORMAT)) {
                throw json.error("'format' is " + format + ", expected \"" + FORMAT + "\"");
            }
            json.version("session", VERSION, "; open it with a newer version, or open it as a model");
        }

        SessionSettings settings() throws ModelFormatException {
            return new SessionSettings(dataSource(), architecture(), training(), view());
        }

        private DataSource dataSource() throws ModelFormatException {
            JsonNode ds = json.object(root, "dataSource", "'dataSource'");
            String kind = json.text(ds, "kind", "dataSource.kind");
            try {
                switch (kind) {
                    case "toy": {
                        ToyDataset set = ToyDataset.fromId(json.text(ds, "name", "dataSource.name"));
                        long n = json.integer(ds, "n", "dataSource.n");
                        if (n < 1 || n > Limits.MAX_POINTS) {
                            throw json.error("dataSource.n must be from 1 to " + Limits.MAX_POINTS + ", got " + n);
                        }
                        return new DataSource.Toy(set, (int) n, json.number(ds, "noise", "dataSource.noise"),
                                json.integer(ds, "seed", "dataSource.seed"));
                    }
                    case "custom":
                        return new DataSource.Custom(ds.hasNonNull("origin") ? json.text(ds, "origin", "dataSource.origin") : null);
                    default:
                        throw json.error("dataSource.kind is \"" + kind + "\", expected \"toy\" or \"custom\"");
                }
            } catch (IllegalArgumentException e) {
                throw json.error("dataSource: " + e.getMessage());
            }
        }

        private Architecture architecture() throws ModelFormatException {
            JsonNode a = json.object(root, "architecture", "'architecture'");
            long layers = json.integer(a, "layers", "architecture.layers");
            int[] hidden = json.widths(a, "hidden", "architecture.hidden", Limits.MAX_HIDDEN_LAYERS);
            try {
                if (layers > Limits.MAX_LAYERS) {
                    throw new IllegalArgumentException(layers + " layers is over the limit of " + Limits.MAX_LAYERS);
                }
                FlowBlocksJson.Blocks blocks = FlowBlocksJson.read(a);
                Architecture arch = new Architecture((int) layers, hidden, CouplingType.fromId(json.text(a, "coupling", "architecture.coupling")),
                        blocks.scale(), blocks.norm(), blocks.mixer(), SplineShapeJson.read(json, a, "architecture."), blocks.base());
                arch.requireWithinLimits(2);
                return arch;
            } catch (IllegalArgumentException e) {
                throw json.error("architecture: " + e.getMessage());
            }
        }

        private TrainingConfig training() throws ModelFormatException {
            JsonNode t = json.object(root, "training", "'training'");
            long batch = json.integer(t, "batchSize", "training.batchSize");
            try {
                if (batch > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("batch size too large: " + batch);
                }
                return new TrainingConfig((int) batch, json.number(t, "learningRate", "training.learningRate"),
                        json.number(t, "clipNorm", "training.clipNorm"), json.integer(t, "seed", "training.seed"));
            } catch (IllegalArgumentException e) {
                throw json.error("training: " + e.getMessage());
            }
        }

        private Map<String, String> view() throws ModelFormatException {
            JsonNode v = root.get("view");
            Map<String, String> view = new LinkedHashMap<>();
            if (v == null || v.isNull()) {
                return view;
            }
            if (!v.isObject()) {
                throw json.error("'view' must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw json.error("view." + e.getKey() + " must be a string, got " + e.getValue());
                }
                view.put(e.getKey(), e.getValue().asText());
            }
            return view;
        }
    }
}
