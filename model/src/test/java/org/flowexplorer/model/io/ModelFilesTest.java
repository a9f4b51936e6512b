package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertFormatError;
import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 3, new int[] {6, 6}, CouplingType.AFFINE);
    private static final ModelMetadata META = ModelMetadata.trained(new TrainingConfig(64, 1e-3, 1.0, 3), 10)
            .withCreatedAt(Instant.parse("2025-01-02T03:04:05Z"));

    @TempDir
    Path dir;

    @Test
    void zipKeepsMetadata() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 21);
        Path file = dir.resolve("model.ZIP");
        ModelFiles.save(file, model, META);
        LoadedModel loaded = ModelFiles.load(file);
        assertIdentical(model, loaded.model());
        assertEquals(META, loaded.metadata());
        assertTrue(ModelFiles.isSupported(file));
    }

    @Test
    void npzIsAStoredStateDictWithoutMetadata() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 22);
        Path file = dir.resolve("model.npz");
        ModelFiles.save(file, model, META);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(e -> assertEquals(ZipEntry.STORED, e.getMethod()));
            assertTrue(zip.getEntry("layers.0.mask.npy") != null);
        }
        LoadedModel loaded = ModelFiles.load(file);
        assertIdentical(model, loaded.model());
        assertEquals(ModelMetadata.none(), loaded.metadata());

        Path compressed = dir.resolve("compressed.npz");
        TorchStateDict.write(compressed, model, true);
        assertIdentical(model, ModelFiles.load(compressed).model());
    }

    @Test
    void otherExtensionsAreRefusedWithTheSupportedOnes() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 23);
        for (String name : new String[] {"model.pt", "model", "model.json"}) {
            Path file = dir.resolve(name);
            assertFalse(ModelFiles.isSupported(file));
            assertFormatError(file, () -> ModelFiles.load(file), ".zip", ".npz");
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.save(file, model, META));
            assertTrue(e.getMessage().contains(".zip") && e.getMessage().contains(".npz"), e.getMessage());
            assertFalse(Files.exists(file));
        }
        Path pt = dir.resolve("model.pt");
        assertFormatError(pt, () -> ModelFiles.load(pt), "unsupported extension '.pt'");
    }

    @Test
    void aStateDictRenamedToZipGivesAClearError() throws IOException {
        Path npz = dir.resolve("m.npz");
        TorchStateDict.write(npz, Models.random(SPEC, Precision.FLOAT32, 24), false);
        Path zip = Files.copy(npz, dir.resolve("m.zip"));
        assertFormatError(zip, () -> ModelFiles.load(zip), "missing manifest.json");
    }
}
