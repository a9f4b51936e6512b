package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Checkpoint;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints in model and session archives: exact round trip, old files without them, bad entries. */
class CheckpointFileTest {
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 3, new int[] {8}, CouplingType.AFFINE).withBatchNorm(true);

    @TempDir
    Path dir;

    private static List<Checkpoint> checkpoints(RealNVP like) {
        return List.of(Checkpoint.of(0, Models.random(SPEC, like.precision(), 1)),
                Checkpoint.of(7, Models.random(SPEC, like.precision(), 2)), Checkpoint.of(300, like));
    }

    private static void assertSame(List<Checkpoint> expected, List<Checkpoint> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).step(), actual.get(i).step());
            assertArrayEquals(Models.bits(expected.get(i).parameterValues()), Models.bits(actual.get(i).parameterValues()));
            assertArrayEquals(Models.bits(expected.get(i).bufferValues()), Models.bits(actual.get(i).bufferValues()));
        }
    }

    @Test
    void aModelFileKeepsItsCheckpointsBitForBit() throws IOException {
        for (Precision p : Precision.values()) {
            RealNVP model = Models.random(SPEC, p, 3);
            List<Checkpoint> cps = checkpoints(model);
            Path file = dir.resolve("m-" + p + ".zip");
            CheckpointFile.saveModel(file, model, ModelMetadata.none(), cps);
            CheckpointFile.Loaded loaded = CheckpointFile.load(file);
            assertSame(cps, loaded.checkpoints());
            Models.assertIdentical(model, loaded.model().model());
            Models.assertIdentical(model, ModelFile.load(file).model()); // the plain loader ignores the folder
        }
    }

    @Test
    void aSessionFileKeepsItsCheckpointsAndStillLoadsAsASession() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 4);
        Architecture arch = new Architecture(3, new int[] {8}, CouplingType.AFFINE);
        Session s = new Session(model, ModelMetadata.none(), ToyDataset.MOONS.generate(50, 0.1, 1),
                new SessionSettings(new DataSource.Toy(ToyDataset.MOONS, 50, 0.1, 1), arch, TrainingConfig.DEFAULT, Map.of()),
                new LossHistory());
        Path file = dir.resolve("s.session.zip");
        CheckpointFile.saveSession(file, s, checkpoints(model));
        assertSame(checkpoints(model), CheckpointFile.load(file).checkpoints());
        assertEquals(50, SessionFile.load(file).size());
    }

    @Test
    void aFileWithoutCheckpointsHasNone() throws IOException {
        Path file = dir.resolve("old.zip");
        ModelFile.save(file, Models.random(SPEC, Precision.FLOAT32, 5), null);
        assertTrue(CheckpointFile.load(file).checkpoints().isEmpty());
    }

    @Test
    void checkpointsOfAnotherShapeAreRefusedInOneLine() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 6);
        Path file = dir.resolve("bad.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>(CheckpointFile.entries(model, checkpoints(model)));
        entries.put(CheckpointFile.PARAMETERS, Npy.write(NdArray.ofFloats(new float[3 * 5], 3, 5)));
        ModelFile.save(file, model, null, entries);
        assertFormatError(file, () -> CheckpointFile.load(file), "checkpoints/parameters.npy", "must be float32 [3, ");
    }
}
