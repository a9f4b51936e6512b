package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.flowexplorer.model.io.CheckpointFile;
import org.flowexplorer.model.train.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** train --checkpoints, render --step and render --view replay, in-process; their error paths. */
class ReplayCliTest {
    static Path withCheckpoints, without;
    @TempDir
    static Path dir;

    /** One model trained with 12 checkpoints on checkerboard, one without any; the toolkit owned by TestFX. */
    @BeforeAll
    static void trainTwoModels() throws Exception {
        withCheckpoints = dir.resolve("cp.zip");
        without = dir.resolve("plain.zip");
        FxToolkit.registerPrimaryStage();
        CliRunner.run("train", "--dataset", "checkerboard", "--n", 400, "--layers", 4, "--hidden", "16,16", "--steps", 120,
                "--checkpoints", 12, "--out", withCheckpoints).assertOk();
        CliRunner.run("train", "--dataset", "moons", "--n", 200, "--layers", 2, "--hidden", "8", "--steps", 5,
                "--out", without).assertOk();
    }

    @Test
    void trainKeepsNCheckpointsOnTheScheduleFromStep0ToTheLast() throws Exception {
        List<Checkpoint> cps = CheckpointFile.load(withCheckpoints).checkpoints();
        assertEquals(12, cps.size());
        assertEquals(0, cps.get(0).step());
        assertEquals(120, cps.get(cps.size() - 1).step());
        assertArrayEquals(CheckpointFile.load(withCheckpoints).model().model().parameterValues(),
                cps.get(cps.size() - 1).parameterValues(), "the last checkpoint is the saved model");
    }

    @Test
    void renderStepUsesTheLastCheckpointAtOrBeforeItAndSaysWhich() throws Exception {
        long[] steps = CheckpointFile.load(withCheckpoints).checkpoints().stream().mapToLong(Checkpoint::step).toArray();
        long between = steps[5] + (steps[6] - steps[5]) / 2;
        for (String view : new String[] {"density", "latent", "masks", "logdet", "conditioner"}) {
            Path png = dir.resolve("step-" + view + ".png");
            JsonNode r = CliRunner.run("render", "--model", withCheckpoints, "--view", view, "--step", between, "--out", png,
                    "--width", 200, "--height", 200).assertOk().result();
            assertEquals(steps[5], r.get("checkpoint_step").asLong(), view);
            assertEquals(between, r.get("requested_step").asLong());
            assertTrue(Files.size(png) > 0);
        }
        JsonNode late = CliRunner.run("render", "--model", withCheckpoints, "--view", "density", "--step", 1_000_000,
                "--out", dir.resolve("late.png"), "--width", 120, "--height", 120).assertOk().result();
        assertEquals(120, late.get("checkpoint_step").asLong());
    }

    @Test
    void renderReplayWritesOneGifFramePerCheckpoint() throws Exception {
        Path gif = dir.resolve("replay.gif");
        JsonNode r = CliRunner.run("render", "--model", withCheckpoints, "--view", "replay", "--out", gif, "--width", 400,
                "--height", 240, "--n", 300).assertOk().result();
        assertEquals(12, r.get("frames").asInt());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(12, reader.getNumImages(true));
            assertEquals(400, reader.getWidth(0));
        }
    }

    @Test
    void badInputIsOneLine() {
        CliRunner.run("render", "--model", withCheckpoints, "--view", "density", "--step", -1, "--out",
                dir.resolve("x.png")).assertError(2);
        CliRunner.Result none = CliRunner.run("render", "--model", without, "--view", "density", "--step", 3, "--out",
                dir.resolve("y.png")).assertError(1);
        assertTrue(none.err().contains("has no checkpoints"), none.err());
        CliRunner.run("render", "--model", without, "--view", "replay", "--out", dir.resolve("z.gif")).assertError(1);
        CliRunner.run("render", "--model", withCheckpoints, "--view", "replay", "--out", dir.resolve("z.png")).assertError(2);
        CliRunner.run("train", "--dataset", "moons", "--steps", 2, "--checkpoints", 5).assertError(2);
        CliRunner.run("train", "--dataset", "moons", "--steps", 2, "--checkpoints", 1, "--out", dir.resolve("q.zip"))
                .assertError(2);
        CliRunner.Result early = CliRunner.run("train", "--dataset", "moons", "--steps", 2, "--checkpoints", 5, "--out",
                dir.resolve("m.npz"));
        early.assertError(2);
    }
}
