package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow over a mixture base in the native zip, and the two PyTorch exports refusing it. */
class MixtureBaseFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FlowSpec MIXED = FlowSpec.alternating(2, 3, new int[] {8}, CouplingType.AFFINE)
            .withBase(BaseDistribution.mixture(3));

    @TempDir
    Path dir;

    @Test
    void nativeZipKeepsTheMixtureAndItsParameters() throws IOException {
        for (Precision p : Precision.values()) {
            RealNVP model = Models.random(MIXED, p, 5);
            Path file = dir.resolve("mixture-" + p + ".zip");
            ModelFile.save(file, model, null);
            RealNVP loaded = ModelFile.load(file).model();
            assertIdentical(model, loaded);
            assertEquals(MIXED, loaded.spec());
            float[] x = Models.points(20, 2, 1);
            assertArrayEquals(model.logProbValues(x), loaded.logProbValues(x), 0);
            Map<String, byte[]> entries = ZipEdits.entries(file);
            assertEquals("mixture:3", JSON.readTree(entries.get("manifest.json")).get("base").asText());
            for (String name : new String[] {"logits", "means", "log_scales"}) {
                assertTrue(entries.containsKey("params/base." + name + ".npy"), name);
            }
        }
    }

    @Test
    void aManifestWithoutBaseReadsAsTheStandardNormal() throws IOException {
        RealNVP model = Models.random(FlowSpec.alternating(2, 2, new int[] {6}, CouplingType.AFFINE), Precision.FLOAT32, 2);
        Path file = dir.resolve("plain.zip");
        ModelFile.save(file, model, null);
        assertFalse(JSON.readTree(ZipEdits.entries(file).get("manifest.json")).has("base"), "old files have no base field");
        assertEquals(BaseDistribution.GAUSSIAN, ModelFile.load(file).model().spec().base());
    }

    @Test
    void architectureJsonKeepsTheBase() {
        Architecture a = new Architecture(4, new int[] {16}, CouplingType.AFFINE).withBase(BaseDistribution.mixture(8));
        ObjectNode o = JSON.createObjectNode();
        ArchitectureJson.put(o, a);
        assertEquals("mixture:8", o.get("base").asText());
        assertEquals(a, ArchitectureJson.withBlocks(o, new Architecture(4, new int[] {16}, CouplingType.AFFINE)));
        assertEquals(Architecture.DEFAULT.parameterCount() + 8 * 5, Architecture.DEFAULT.withBase(BaseDistribution.mixture(8)).parameterCount());
    }

    @Test
    void npzExportRefusesAMixtureBaseInOneLine() {
        Path npz = dir.resolve("m.npz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchStateDict.write(npz, Models.random(MIXED, Precision.FLOAT32, 1), false));
        assertEquals("the .npz state_dict holds the seed's flow over N(0, I); a flow with a mixture of 3 Gaussians base"
                + " is saved as a model file (.zip)", e.getMessage());
        assertFalse(Files.exists(npz));
    }

    @Test
    void torchScriptExportRefusesAMixtureBaseInOneLine() {
        Path py = dir.resolve("m.py");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchScript.write(py, Models.random(MIXED, Precision.FLOAT32, 1)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot export as PyTorch code: the PyTorch template does not know every part of"), e.getMessage());
        assertTrue(e.getMessage().contains("base=mixture:3"), e.getMessage());
        assertFalse(Files.exists(py));
    }
}
