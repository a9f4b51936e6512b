package org.flowexplorer.model.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test archives: read every entry of a zip, edit the entries, write them back as a plain (deflated) zip. */
final class ZipEdits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ZipEdits() {
    }

    static Map<String, byte[]> entries(Path zipFile) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    /** Writes {@code source}'s entries with {@code edit} applied (name → bytes, in order) to {@code target}. */
    static Path rewrite(Path source, Path target, Consumer<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> entries = entries(source);
        edit.accept(entries);
        return write(target, entries);
    }

    /** As {@link #rewrite}, editing the JSON object in entry {@code json} (e.g. manifest.json). */
    static Path withJson(Path source, Path target, String json, Consumer<ObjectNode> edit) throws IOException {
        return rewrite(source, target, entries -> {
            try {
                ObjectNode root = (ObjectNode) JSON.readTree(entries.get(json));
                edit.accept(root);
                entries.put(json, JSON.writeValueAsBytes(root));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Path write(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
