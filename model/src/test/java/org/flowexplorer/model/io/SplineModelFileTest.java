package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertFormatError;
import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.SplineShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spline model in the native zip (its shape in the manifest) and its refusal as a seed {@code .npz}. */
class SplineModelFileTest {
    @TempDir
    Path dir;

    private static RealNVP spline(SplineShape shape) {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 3, new int[]{8, 8}, CouplingType.SPLINE).withSpline(shape),
                Precision.FLOAT32, 5);
        flow.setParameters(new Random(6).doubles(flow.parameterCount(), -0.5, 0.5).map(v -> (float) v).toArray());
        return flow;
    }

    @Test
    void theShapeIsSavedAndReadBackWithBitIdenticalParametersAndLogP() throws Exception {
        RealNVP flow = spline(new SplineShape(5, 2.5));
        Path file = dir.resolve("spline.zip");
        ModelFile.save(file, flow, ModelMetadata.none());
        String manifest = new String(ZipEdits.entries(file).get(ModelFile.MANIFEST), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"bins\" : 5") && manifest.contains("\"tailBound\" : 2.5"), manifest);
        RealNVP back = ModelFile.load(file).model();
        assertIdentical(flow, back);
        assertEquals(new SplineShape(5, 2.5), back.spec().spline());
        float[] x = {0.3f, -1.2f, 2.9f, 0.1f};
        assertEquals(flow.meanNll(x), back.meanNll(x), 0.0);
    }

    @Test
    void aManifestWithoutTheShapeMeansTheDefault() throws Exception {
        RealNVP flow = spline(SplineShape.DEFAULT);
        Path file = dir.resolve("default.zip");
        ModelFile.save(file, flow, ModelMetadata.none());
        Path old = ZipEdits.withJson(file, dir.resolve("old.zip"), ModelFile.MANIFEST, m -> m.remove("spline"));
        assertIdentical(flow, ModelFile.load(old).model());
    }

    @Test
    void aBadShapeIsOneLineAboutTheShape() throws Exception {
        Path file = dir.resolve("s.zip");
        ModelFile.save(file, spline(SplineShape.DEFAULT), ModelMetadata.none());
        Path bad = ZipEdits.withJson(file, dir.resolve("bad.zip"), ModelFile.MANIFEST,
                m -> m.putObject("spline").put("bins", 1).put("tailBound", 4));
        assertFormatError(bad, () -> ModelFile.load(bad), "spline.bins");
        Path bound = ZipEdits.withJson(file, dir.resolve("bound.zip"), ModelFile.MANIFEST,
                m -> m.putObject("spline").put("bins", 8).put("tailBound", -1));
        assertFormatError(bound, () -> ModelFile.load(bound), "tail bound");
    }

    @Test
    void theSeedStateDictRefusesASplineModelInOneLine() {
        Path npz = dir.resolve("spline.npz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchStateDict.write(npz, spline(SplineShape.DEFAULT), false));
        assertTrue(e.getMessage().contains("spline") && e.getMessage().contains(".zip"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(npz));
    }
}
