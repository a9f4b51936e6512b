package org.flowexplorer.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.flowexplorer.model.Limits;

/**
 * A JSON entry of an archive ({@code manifest.json}, {@code session/settings.json}) with typed,
 * validated access: every error is one line naming the file, the entry and the field, e.g.
 * {@code "m.zip: manifest.json: 'dim' must be an integer (missing)"}.
 */
record JsonEntry(Path file, String name, JsonNode root) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads and parses entry {@code name} (at most {@link Limits#MAX_JSON_BYTES}); it must hold a JSON object. */
    static JsonEntry read(ZipArchive zip, String name, String whyRequired) throws IOException {
        byte[] bytes = zip.readBytes(zip.require(name, whyRequired), Limits.MAX_JSON_BYTES);
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage();
            int cut = why.indexOf(" (start marker");
            throw new ModelFormatException(zip.file(), name + " is not valid JSON (" + (cut < 0 ? why : why.substring(0, cut))
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
        }
        JsonEntry entry = new JsonEntry(zip.file(), name, root);
        if (root == null || !root.isObject()) {
            throw entry.error("expected a JSON object");
        }
        return entry;
    }

    ModelFormatException error(String detail) {
        return new ModelFormatException(file, name + ": " + detail);
    }

    /**
     * The {@code version} field, at least 1 and at most {@code newest}; a newer one is refused
     * with {@code "<kind> format version V is newer than this Flow Explorer reads (up to N)" + advice}.
     */
    long version(String kind, int newest, String advice) throws ModelFormatException {
        long version = integer(root, "version", "'version'");
        if (version > newest) {
            throw new ModelFormatException(file, kind + " format version " + version + " is newer than this Flow Explorer reads (up to "
                    + newest + ")" + advice);
        }
        if (version < 1) {
            throw error("'version' must be at least 1, got " + version);
        }
        return version;
    }

    /** {@code node.field} as a long; {@code shown} names the field in messages. */
    long integer(JsonNode node, String field, String shown) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isIntegralNumber() || !x.canConvertToLong()) {
            throw error(shown + " must be an integer" + got(x));
        }
        return x.asLong();
    }

    int integer(JsonNode node, String field, String shown, int min) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isIntegralNumber() || !x.canConvertToInt() || x.asInt() < min) {
            throw error(shown + " must be an integer of at least " + min + got(x));
        }
        return x.asInt();
    }

    double number(JsonNode node, String field, String shown) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isNumber()) {
            throw error(shown + " must be a number" + got(x));
        }
        return x.asDouble();
    }

    String text(JsonNode node, String field, String shown) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isTextual()) {
            throw error(shown + " must be a string" + got(x));
        }
        return x.asText();
    }

    JsonNode object(JsonNode node, String field, String shown) throws ModelFormatException {
        JsonNode x = node.get(field);
        if (x == null || !x.isObject()) {
            throw error(shown + " must be an object" + got(x));
        }
        return x;
    }

    /** A list of positive integers (layer widths) of at most {@code maxLength} entries, checked before it is copied. */
    int[] widths(JsonNode node, String field, String shown, int maxLength) throws ModelFormatException {
        JsonNode list = node.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error(shown + " must be a non-empty list of layer widths");
        }
        if (list.size() > maxLength) {
            throw error(list.size() + " hidden layers is over the limit of " + maxLength);
        }
        int[] widths = new int[list.size()];
        for (int k = 0; k < widths.length; k++) {
            JsonNode x = list.get(k);
            if (!x.isIntegralNumber() || !x.canConvertToInt() || x.asInt() < 1) {
                throw error(shown + " must hold positive integers, found " + x);
            }
            widths[k] = x.asInt();
        }
        return widths;
    }

    private static String got(JsonNode x) {
        return x == null ? " (missing)" : ", got " + x;
    }
}
