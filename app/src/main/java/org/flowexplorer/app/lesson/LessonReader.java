package org.flowexplorer.app.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.io.ArchitectureJson;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.ModelFormatException;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * Turns a parsed {@code lesson.json} into a {@link Lesson}, checking every field's type and range:
 * a problem is one {@link ModelFormatException} naming the file and the field. What this version
 * does not know (a key, a control, an action kind from a newer version) is skipped and listed in
 * {@link #notes()}, never a failure.
 */
final class LessonReader {
    private static final Set<String> ROOT = Set.of("format", "version", "title", "summary", "data", "architecture",
            "training", "window", "start", "steps");
    private static final Set<String> DATA = Set.of("kind", "name", "n", "noise", "seed", "origin", "points");
    private static final Set<String> ARCHITECTURE = Set.of("layers", "hidden", "coupling", "scale", "batchNorm", "norm", "mixer", "spline", "base");
    private static final Set<String> TRAINING = Set.of("learningRate", "batchSize", "clipNorm", "seed");
    private static final Set<String> WINDOW = Set.of("hiddenPanels", "hiddenControls", "lockedControls");
    private static final Set<String> START = Set.of("layer", "query");
    private static final Set<String> STEP = Set.of("text", "reveal", "action");
    private static final Set<String> ACTION = Set.of("do", "steps", "layer", "view", "preset");

    private final String source;
    private final List<String> ignored = new ArrayList<>();
    private long version;

    /** @param source the file (or resource) read, named in every error */
    LessonReader(String source) {
        this.source = source;
    }

    /** What was skipped, as one note for the user; empty when nothing was. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (version > LessonFile.VERSION) {
            notes.add("This lesson was written by a newer Flow Explorer (lesson format " + version + ", this one reads "
                    + LessonFile.VERSION + ")" + (ignored.isEmpty() ? "." : "; what it does not know was ignored."));
        }
        if (!ignored.isEmpty()) {
            notes.add("Ignored " + String.join(", ", ignored) + ".");
        }
        return notes;
    }

    /**
     * @param session the session of a lesson inside a session zip, whose data and settings stand in for
     *                missing {@code data}, {@code architecture} and {@code training}; null for a {@code .lesson.json}
     */
    Lesson read(JsonNode root, Session session) throws ModelFormatException {
        if (root == null || !root.isObject()) {
            throw error("expected a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !LessonFile.FORMAT.equals(format.asText(null))) {
            throw error("'format' is " + format + ", expected \"" + LessonFile.FORMAT + "\"");
        }
        version = integer(root, "version", "version");
        if (version < 1) {
            throw error("'version' must be at least 1, got " + version);
        }
        known(root, ROOT, "");
        String title = text(root, "title", "title");
        String summary = root.hasNonNull("summary") ? text(root, "summary", "summary") : "";
        DataSource source;
        float[] points = null;
        Architecture architecture;
        TrainingConfig training;
        if (session != null && !root.has("data")) {
            source = session.settings().dataSource();
        } else {
            JsonNode d = object(root, "data");
            source = source(d, session != null);
            if (source instanceof DataSource.Custom && session == null) {
                points = points(d.get("points"));
            }
        }
        architecture = session != null && !root.has("architecture") ? session.settings().architecture()
                : architecture(object(root, "architecture"));
        training = session != null && !root.has("training") ? session.settings().training()
                : training(object(root, "training"));
        JsonNode window = root.get("window");
        Set<String> panels = new LinkedHashSet<>();
        Set<LessonControl> hidden = EnumSet.noneOf(LessonControl.class);
        Set<LessonControl> locked = EnumSet.noneOf(LessonControl.class);
        if (window != null && !window.isNull()) {
            requireObject(window, "window");
            known(window, WINDOW, "window.");
            for (String p : strings(window, "hiddenPanels")) {
                panels.add(p);
            }
            controls(window, "hiddenControls", hidden);
            controls(window, "lockedControls", locked);
        }
        int startLayer = -1;
        double[] query = null;
        JsonNode start = root.get("start");
        if (start != null && !start.isNull()) {
            requireObject(start, "start");
            known(start, START, "start.");
            if (start.has("layer")) {
                long l = integer(start, "layer", "start.layer");
                if (l < 0 || l > architecture.layers()) {
                    throw error("start.layer must be from 0 to " + architecture.layers() + ", got " + l);
                }
                startLayer = (int) l;
            }
            if (start.has("query")) {
                float[] q = pair(start.get("query"), "start.query");
                query = new double[] {q[0], q[1]};
            }
        }
        List<LessonStep> steps = steps(root.get("steps"));
        try {
            return new Lesson(title, summary, source, points, architecture, training, panels, hidden, locked, startLayer,
                    query, steps);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private DataSource source(JsonNode d, boolean inSession) throws ModelFormatException {
        known(d, DATA, "data.");
        String kind = text(d, "kind", "data.kind");
        switch (kind) {
            case "toy": {
                ToyDataset set;
                try {
                    set = ToyDataset.fromId(text(d, "name", "data.name"));
                } catch (IllegalArgumentException e) {
                    throw error("data.name: " + e.getMessage());
                }
                long n = integer(d, "n", "data.n");
                if (n < 1 || n > DatasetSettings.MAX_POINTS) {
                    throw error("data.n must be from 1 to " + DatasetSettings.MAX_POINTS + ", got " + n);
                }
                double noise = d.has("noise") ? number(d, "noise", "data.noise") : set.defaultNoise();
                long seed = d.has("seed") ? integer(d, "seed", "data.seed") : 0;
                try {
                    return new DataSource.Toy(set, (int) n, noise, seed);
                } catch (IllegalArgumentException e) {
                    throw error("data: " + e.getMessage());
                }
            }
            case "custom":
                if (!inSession && !d.has("points")) {
                    throw error("data.points must hold the custom points as [[x, y], …] (missing)");
                }
                return new DataSource.Custom(d.hasNonNull("origin") ? text(d, "origin", "data.origin") : null);
            default:
                throw error("data.kind is \"" + kind + "\", expected \"toy\" or \"custom\"");
        }
    }

    private float[] points(JsonNode list) throws ModelFormatException {
        if (list == null || !list.isArray()) {
            throw error("data.points must be a list of [x, y] pairs" + got(list));
        }
        if (list.size() < TrainingWorker.MIN_CUSTOM_POINTS || list.size() > DatasetSettings.MAX_POINTS) {
            throw error("data.points must hold from " + TrainingWorker.MIN_CUSTOM_POINTS + " to " + DatasetSettings.MAX_POINTS
                    + " points, got " + list.size());
        }
        float[] xy = new float[2 * list.size()];
        for (int i = 0; i < list.size(); i++) {
            float[] p = pair(list.get(i), "data.points[" + i + "]");
            xy[2 * i] = p[0];
            xy[2 * i + 1] = p[1];
        }
        return xy;
    }

    private float[] pair(JsonNode p, String shown) throws ModelFormatException {
        if (p == null || !p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw error(shown + " must be [x, y], two numbers" + got(p));
        }
        float x = (float) p.get(0).asDouble();
        float y = (float) p.get(1).asDouble();
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            throw error(shown + " must be finite, got " + p);
        }
        return new float[] {x, y};
    }

    private Architecture architecture(JsonNode a) throws ModelFormatException {
        known(a, ARCHITECTURE, "architecture.");
        long layers = integer(a, "layers", "architecture.layers");
        JsonNode list = a.get("hidden");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 16) {
            throw error("architecture.hidden must be a list of 1 to 16 layer widths" + got(list));
        }
        int[] hidden = new int[list.size()];
        for (int k = 0; k < hidden.length; k++) {
            if (!list.get(k).canConvertToInt() || !list.get(k).isIntegralNumber()) {
                throw error("architecture.hidden must hold integers, found " + list.get(k));
            }
            hidden[k] = list.get(k).asInt();
        }
        try {
            CouplingType coupling = CouplingType.fromId(text(a, "coupling", "architecture.coupling"));
            if (layers < 1 || layers > ArchitectureSettings.MAX_LAYERS) {
                throw new IllegalArgumentException("layers must be from 1 to " + ArchitectureSettings.MAX_LAYERS + ", got " + layers);
            }
            new ArchitectureSettings((int) layers, hidden, coupling, 0); // the app's ranges
            return ArchitectureJson.withBlocks(a, new Architecture((int) layers, hidden, coupling));
        } catch (IllegalArgumentException e) {
            throw error("architecture: " + e.getMessage());
        }
    }

    private TrainingConfig training(JsonNode t) throws ModelFormatException {
        known(t, TRAINING, "training.");
        TrainingConfig d = TrainingConfig.DEFAULT;
        long batch = t.has("batchSize") ? integer(t, "batchSize", "training.batchSize") : d.batchSize();
        double lr = t.has("learningRate") ? number(t, "learningRate", "training.learningRate") : d.learningRate();
        double clip = t.has("clipNorm") ? number(t, "clipNorm", "training.clipNorm") : d.clipNorm();
        long seed = t.has("seed") ? integer(t, "seed", "training.seed") : d.seed();
        try {
            if (batch < 1 || batch > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("batch size must be positive, got " + batch);
            }
            return new TrainingConfig((int) batch, lr, clip, seed);
        } catch (IllegalArgumentException e) {
            throw error("training: " + e.getMessage());
        }
    }

    private void controls(JsonNode window, String field, Set<LessonControl> into) throws ModelFormatException {
        for (String id : strings(window, field)) {
            LessonControl.byId(id).ifPresentOrElse(into::add, () -> ignored.add("the control \"" + id + "\""));
        }
    }

    private List<LessonStep> steps(JsonNode list) throws ModelFormatException {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error("'steps' must be a non-empty list" + got(list));
        }
        if (list.size() > Lesson.MAX_STEPS) {
            throw error(list.size() + " steps is over the limit of " + Lesson.MAX_STEPS);
        }
        List<LessonStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "steps[" + i + "]";
            JsonNode s = list.get(i);
            requireObject(s, at);
            known(s, STEP, at + ".");
            String text = text(s, "text", at + ".text");
            String reveal = s.hasNonNull("reveal") ? text(s, "reveal", at + ".reveal") : null;
            JsonNode a = s.get("action");
            LessonAction action = a == null || a.isNull() ? null : action(a, at + ".action");
            try {
                steps.add(new LessonStep(text, reveal, action));
            } catch (IllegalArgumentException e) {
                throw error(at + ": " + e.getMessage());
            }
        }
        return steps;
    }

    private LessonAction action(JsonNode a, String at) throws ModelFormatException {
        requireObject(a, at);
        known(a, ACTION, at + ".");
        String kind = text(a, "do", at + ".do");
        try {
            return switch (kind) {
                case "play" -> new LessonAction.Play((int) Math.min(Integer.MAX_VALUE, integer(a, "steps", at + ".steps")));
                case "layer" -> new LessonAction.GoToLayer((int) Math.min(Integer.MAX_VALUE, integer(a, "layer", at + ".layer")));
                case "view" -> new LessonAction.ShowView(text(a, "view", at + ".view"));
                case "compare" -> new LessonAction.Compare(a.hasNonNull("preset") ? text(a, "preset", at + ".preset") : null);
                default -> {
                    ignored.add("the action \"" + kind + "\" of " + at.substring(0, at.indexOf('.')));
                    yield null;
                }
            };
        } catch (IllegalArgumentException e) {
            throw error(at + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- typed access

    private void known(JsonNode node, Set<String> keys, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                ignored.add("'" + prefix + k + "'");
            }
        }
    }

    private List<String> strings(JsonNode node, String field) throws ModelFormatException {
        JsonNode list = node.get(field);
        List<String> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray() || list.size() > 100) {
            throw error("window." + field + " must be a list of names" + got(list));
        }
        for (JsonNode x : list) {
            if (!x.isTextual()) {
                throw error("window." + field + " must hold names (strings), found " + x);
            }
            out.add(x.asText());
        }
        return out;
    }

    private JsonNode object(JsonNode node, String field) throws ModelFormatException {
        JsonNode x = node.get(field);
        requireObject(x, "'" + field + "'");
        return x;
    }

    private void requireObject(JsonNode x, String shown) throws ModelFormatException {
        if (x == null || !x.isObject()) {
            throw error(shown + " must be an object" + got(x));
        }
    }

    private long integer(JsonNode node, String field, String shown) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isIntegralNumber() || !x.canConvertToLong()) {
            throw error("'" + shown + "' must be an integer" + got(x));
        }
        return x.asLong();
    }

    private double number(JsonNode node, String field, String shown) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isNumber()) {
            throw error("'" + shown + "' must be a number" + got(x));
        }
        return x.asDouble();
    }

    private String text(JsonNode node, String field, String shown) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isTextual()) {
            throw error("'" + shown + "' must be a string" + got(x));
        }
        return x.asText();
    }

    private static String got(JsonNode x) {
        if (x == null) {
            return " (missing)";
        }
        String s = x.toString();
        return ", got " + (s.length() > 40 ? s.substring(0, 40) + "…" : s);
    }

    ModelFormatException error(String detail) {
        return new ModelFormatException(source, LessonFile.ENTRY + ": " + detail);
    }
}
