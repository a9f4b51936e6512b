package org.flowexplorer.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.Limits;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * {@code manifest.json} of a {@link ModelFile}: the architecture, precision, parameter count and
 * training metadata, encoded as JSON and decoded with every field validated. Decoding checks the
 * architecture against {@link Limits} and the declared {@code parameterCount} against the
 * architecture, in {@code long}, so nothing is allocated for a manifest that cannot be right.
 */
record ModelManifest(FlowSpec spec, Precision precision, long parameterCount, ModelMetadata metadata) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    // ---------------------------------------------------------------- encoding

    static byte[] encode(RealNVP model, ModelMetadata meta) throws IOException {
        FlowSpec spec = model.spec();
        ObjectNode root = JSON.createObjectNode();
        boolean seedFlow = spec.scale().isDefault() && !spec.hasBlocks() && spec.coupling() != CouplingType.SPLINE;
        root.put("format", ModelFile.FORMAT);
        root.put("version", seedFlow ? ModelFile.SEED_VERSION : ModelFile.VERSION);
        root.put("dim", spec.dim());
        root.put("layers", spec.layers());
        ArrayNode masks = root.putArray("masks");
        for (Mask m : spec.masks()) {
            ArrayNode row = masks.addArray();
            for (boolean b : m.values()) {
                row.add(b ? 1 : 0);
            }
        }
        ArchitectureJson.putShape(root, Architecture.of(spec));
        root.put("precision", TorchStateDict.name(model.precision()));
        root.put("parameterCount", model.parameterCount());
        if (meta.training() != null || meta.steps() != 0 || meta.dataset() != null) {
            putTraining(root.putObject("training"), meta);
        }
        root.put("createdAt", meta.createdAt().toString());
        if (meta.appVersion() != null) {
            root.put("appVersion", meta.appVersion());
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void putTraining(ObjectNode training, ModelMetadata meta) {
        TrainingConfig c = meta.training();
        if (c != null) {
            training.put("batchSize", c.batchSize());
            training.put("learningRate", c.learningRate());
            training.put("clipNorm", c.clipNorm());
            training.put("seed", c.seed());
        }
        training.put("steps", meta.steps());
        ModelMetadata.DatasetInfo d = meta.dataset();
        if (d != null) {
            ObjectNode ds = training.putObject("dataset");
            if (d.name() != null) {
                ds.put("name", d.name());
            }
            if (d.n() != null) {
                ds.put("n", d.n());
            }
            if (d.noise() != null) {
                ds.put("noise", d.noise());
            }
            if (d.seed() != null) {
                ds.put("seed", d.seed());
            }
        }
    }

    // ---------------------------------------------------------------- decoding

    /** Reads and validates {@code manifest.json} of an open archive. */
    static ModelManifest read(ZipArchive zip) throws IOException {
        if (zip.entry(ModelFile.MANIFEST) == null) {
            throw new ModelFormatException(zip.file(), "missing " + ModelFile.MANIFEST + "; not a Flow Explorer model file");
        }
        JsonEntry json = JsonEntry.read(zip, ModelFile.MANIFEST, "");
        JsonNode root = json.root();
        JsonNode format = root.get("format");
        if (format == null) {
            throw new ModelFormatException(zip.file(), ModelFile.MANIFEST + " has no 'format' field; not a Flow Explorer model file");
        }
        if (!format.isTextual() || !format.asText().equals(ModelFile.FORMAT)) {
            throw new ModelFormatException(zip.file(), "not a Flow Explorer model (" + ModelFile.MANIFEST + " format is " + format
                    + ", expected \"" + ModelFile.FORMAT + "\")");
        }
        json.version("model", ModelFile.VERSION, "; open it with a newer version");
        FlowSpec spec = spec(json);
        long count = Architecture.parameterCount(spec);
        long declared = json.integer(root, "parameterCount", "'parameterCount'");
        if (declared != count) {
            throw json.error("'parameterCount' is " + declared + " but the architecture has " + count + " parameters");
        }
        try {
            Limits.requireParameters(count);
        } catch (IllegalArgumentException e) {
            throw json.error(e.getMessage());
        }
        return new ModelManifest(spec, precision(json), count, metadata(json));
    }

    private static FlowSpec spec(JsonEntry json) throws ModelFormatException {
        JsonNode root = json.root();
        int dim = json.integer(root, "dim", "'dim'", 2);
        int layers = json.integer(root, "layers", "'layers'", 1);
        int[] hidden = json.widths(root, "hidden", "'hidden'", Limits.MAX_HIDDEN_LAYERS);
        try {
            Limits.requireWithinLimits(dim, layers, hidden);
        } catch (IllegalArgumentException e) {
            throw json.error(e.getMessage());
        }
        JsonNode masks = root.get("masks");
        if (masks == null || !masks.isArray() || masks.size() != layers) {
            throw json.error("'masks' must be a list of " + layers + " masks (one per layer)");
        }
        List<Mask> list = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            JsonNode row = masks.get(i);
            if (!row.isArray() || row.size() != dim) {
                throw json.error("masks[" + i + "] must be a list of " + dim + " values 0 or 1");
            }
            double[] v = new double[dim];
            for (int k = 0; k < dim; k++) {
                JsonNode x = row.get(k);
                if (!x.isIntegralNumber() || (x.asInt() != 0 && x.asInt() != 1)) {
                    throw json.error("masks[" + i + "] must hold only 0 and 1, found " + x + " at index " + k);
                }
                v[k] = x.asInt();
            }
            try {
                list.add(Mask.fromValues(v));
            } catch (IllegalArgumentException e) {
                throw json.error("masks[" + i + "]: " + e.getMessage());
            }
        }
        try {
            FlowBlocksJson.Blocks blocks = FlowBlocksJson.read(root);
            return new FlowSpec(dim, list, hidden, CouplingType.fromId(json.text(root, "coupling", "'coupling'")), blocks.scale(),
                    blocks.norm(), blocks.mixer(), SplineShapeJson.read(json, root, "")).withBase(blocks.base());
        } catch (IllegalArgumentException e) {
            throw json.error(e.getMessage());
        }
    }

    private static Precision precision(JsonEntry json) throws ModelFormatException {
        String p = json.text(json.root(), "precision", "'precision'");
        return switch (p) {
            case "float32" -> Precision.FLOAT32;
            case "float64" -> Precision.FLOAT64;
            default -> throw json.error("unknown precision '" + p + "' (expected float32 or float64)");
        };
    }

    private static ModelMetadata metadata(JsonEntry json) throws ModelFormatException {
        JsonNode root = json.root();
        TrainingConfig config = null;
        long steps = 0;
        ModelMetadata.DatasetInfo dataset = null;
        JsonNode t = root.get("training");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                throw json.error("'training' must be an object");
            }
            if (t.has("batchSize") || t.has("learningRate") || t.has("clipNorm") || t.has("seed")) {
                try {
                    config = new TrainingConfig(json.integer(t, "batchSize", "training.batchSize", 1),
                            json.number(t, "learningRate", "training.learningRate"),
                            json.number(t, "clipNorm", "training.clipNorm"), json.integer(t, "seed", "training.seed"));
                } catch (IllegalArgumentException e) {
                    throw json.error("training: " + e.getMessage());
                }
            }
            if (t.has("steps")) {
                steps = json.integer(t, "steps", "training.steps");
                if (steps < 0) {
                    throw json.error("training.steps must not be negative, got " + steps);
                }
            }
            JsonNode d = t.get("dataset");
            if (d != null && !d.isNull()) {
                if (!d.isObject()) {
                    throw json.error("training.dataset must be an object");
                }
                String name = d.has("name") ? json.text(d, "name", "training.dataset.name") : null;
                Integer n = d.has("n") ? json.integer(d, "n", "training.dataset.n", 0) : null;
                Double noise = d.has("noise") ? json.number(d, "noise", "training.dataset.noise") : null;
                Long seed = d.has("seed") ? json.integer(d, "seed", "training.dataset.seed") : null;
                dataset = new ModelMetadata.DatasetInfo(name, n, noise, seed);
            }
        }
        Instant created = null;
        if (root.hasNonNull("createdAt")) {
            String s = json.text(root, "createdAt", "'createdAt'");
            try {
                created = Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw json.error("'createdAt' is not an ISO-8601 time: '" + s + "'");
            }
        }
        String app = root.hasNonNull("appVersion") ? json.text(root, "appVersion", "'appVersion'") : null;
        return new ModelMetadata(config, steps, dataset, created, app);
    }
}
