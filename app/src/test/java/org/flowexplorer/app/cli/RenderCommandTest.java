package org.flowexplorer.app.cli;

import static org.flowexplorer.app.testing.TestImages.distinctColours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSmoothing;
import org.flowexplorer.model.train.LossSnapshot;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** render for every view from a tiny trained model, in-process; error paths. */
class RenderCommandTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path model;
    static Path bare;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        // the toolkit may be started by TestFX or by the command; let TestFX own it in this JVM
        FxToolkit.registerPrimaryStage();
        float[] xy = ToyDataset.MOONS.generate(300, 0.08, 5);
        data = dir.resolve("moons.csv");
        PointCsv.write(data, xy);
        FlowSpec spec = FlowSpec.alternating(2, 4, new int[] {8, 8}, CouplingType.AFFINE);
        RealNVP flow = RealNVP.create(spec, 1);
        TrainingConfig config = new TrainingConfig(64, 0.01, 1.0, 1);
        Trainer trainer = new Trainer(flow, xy, config);
        int steps = 50;
        LossHistory history = new LossHistory();
        for (int i = 0; i < steps; i++) {
            double loss = trainer.step();
            history.append(trainer.steps(), loss, trainer.steps() % 25 == 0 ? loss : Double.NaN);
        }
        model = dir.resolve("tiny.zip");
        ModelFiles.save(model, flow, ModelMetadata.trained(config, steps)
                .withLossHistory(history.snapshot()));
        bare = dir.resolve("bare.zip");
        ModelFiles.save(bare, flow, ModelMetadata.trained(config, steps));
    }


    @Test
    void everyViewRendersPngAndSvg() throws Exception {
        for (String view : RenderCommand.VIEWS) {
            Path png = dir.resolve(view + ".png");
            JsonNode r = CliRunner.run("render", "--model", model, "--view", view, "--data", data, "--out", png,
                    "--width", 320, "--height", 240, "--scale", 2, "--n", 300, "--layer", 2).assertOk().result();
            assertEquals("render", r.get("command").asText());
            assertEquals(view, r.get("view").asText());
            assertEquals(png.toString(), r.get("out").asText());
            assertEquals(320, r.get("width").asInt());
            assertEquals(240, r.get("height").asInt());
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(640, img.getWidth(), view);
            assertEquals(480, img.getHeight(), view);
            assertTrue(distinctColours(img, 2) > 8, view + " has content: " + distinctColours(img, 2) + " colours");

            Path svg = dir.resolve(view + ".svg");
            CliRunner.run("render", "--model", model, "--view", view, "--data", data, "--out", svg,
                    "--width", 320, "--height", 240).assertOk();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
            Element root = doc.getDocumentElement();
            assertEquals("320", root.getAttribute("width"), view);
            assertEquals("0 0 320 240", root.getAttribute("viewBox"), view);
            assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength() > 3, view);
        }
    }

    @Test
    void viewsWithoutDataUseSamplesAndDefaults() throws Exception {
        Path png = dir.resolve("samples-default.png");
        JsonNode r = CliRunner.run("render", "--model", model, "--view", "samples", "--out", png, "--n", 200)
                .assertOk().result();
        assertEquals(600, r.get("width").asInt());
        assertEquals(600, ImageIO.read(png.toFile()).getWidth());
        Path svg = dir.resolve("layers.svg");
        CliRunner.run("render", "--model", model, "--view", "layers", "--out", svg, "--n", 123, "--layer", 0).assertOk();
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals(123, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength());
        assertEquals(26, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength(),
                "13 + 13 warped grid lines");
    }

    @Test
    void layersGif() throws Exception {
        Path gif = dir.resolve("layers.gif");
        JsonNode r = CliRunner.run("render", "--model", model, "--view", "layers", "--data", data, "--out", gif,
                "--width", 200, "--height", 200).assertOk().result();
        int frames = r.get("frames").asInt();
        assertEquals(4 * 12 + 1 + 2 * 6, frames);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(frames, reader.getNumImages(true));
        }
    }

    @Test
    void badInputsGiveOneLineErrors() {
        Path out = dir.resolve("x.png");
        String err = CliRunner.run("render", "--model", model, "--view", "heatmap", "--out", out).assertError(2).err();
        assertTrue(err.contains("--view must be one of density, samples, layers, latent, loss, masks"), err);
        err = CliRunner.run("render", "--model", model, "--view", "layers", "--layer", 5, "--out", out).assertError(2).err();
        assertTrue(err.contains("--layer must be between 0 and 4"), err);
        err = CliRunner.run("render", "--model", dir.resolve("missing.zip"), "--view", "density", "--out", out)
                .assertError(1).err();
        assertTrue(err.contains("missing.zip"), err);
        err = CliRunner.run("render", "--model", bare, "--view", "loss", "--out", out).assertError(1).err();
        assertTrue(err.contains("no loss history in bare.zip (train in the app or with `train --out`)"), err);
        err = CliRunner.run("render", "--model", model, "--view", "density", "--out", dir.resolve("x.jpg")).assertError(2).err();
        assertTrue(err.contains("--out must name a .png or .svg file"), err);
        CliRunner.run("render", "--model", model, "--view", "density", "--out", dir.resolve("x.gif")).assertError(2);
        CliRunner.run("render", "--model", model, "--view", "density", "--out", out, "--scale", 0).assertError(2);
        CliRunner.run("render", "--model", model, "--view", "density", "--out", dir.resolve("no/such/dir/x.png"))
                .assertError(1);
        assertFalse(Files.exists(out));
    }

    @Test
    void trainOutStoresTheLossHistoryForRender() throws Exception {
        Path trained = dir.resolve("trained.zip");
        CliRunner.run("train", "--data", data, "--test", data, "--layers", 2, "--hidden", "8,8", "--steps", 30,
                "--batch", 64, "--seed", 2, "--out", trained).assertOk();
        LossSnapshot h = ModelFiles.load(trained).metadata().lossHistory();
        assertEquals(30, h.trainSeries().size());
        assertEquals(30, h.trainSeries().steps()[29]);
        assertEquals(10, h.testSeries().size());
        // the same quantity as the app's history: the smoothed minibatch NLL (LossSmoothing), not the raw one
        Trainer same = new Trainer(RealNVP.create(FlowSpec.alternating(2, 2, new int[] {8, 8}, CouplingType.AFFINE), 2),
                PointCsv.read(data), new TrainingConfig(64, 1e-3, 1.0, 2));
        LossSmoothing smoothing = new LossSmoothing();
        for (int i = 0; i < 30; i++) {
            double raw = same.step();
            double smoothed = smoothing.add(raw);
            assertEquals(smoothed, h.trainSeries().values()[i], 1e-6 * Math.abs(smoothed), "step " + (i + 1));
        }
        Path png = dir.resolve("trained-loss.png");
        CliRunner.run("render", "--model", trained, "--view", "loss", "--out", png).assertOk();
        assertEquals(360, ImageIO.read(png.toFile()).getHeight());
    }
}
