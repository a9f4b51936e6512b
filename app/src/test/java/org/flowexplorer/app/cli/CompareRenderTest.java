package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowexplorer.app.chart.BaseContours;
import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.testing.TestImages;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Document;

/** {@code render --compare B.zip}: two saved models side by side as PNG, SVG and GIF; its bad inputs. */
class CompareRenderTest {
    @TempDir
    static Path dir;
    static Path a;
    static Path b;

    @BeforeAll
    static void trainTwoModels() throws Exception {
        FxToolkit.registerPrimaryStage();
        a = train("a.zip", 2, CouplingType.AFFINE, 0.01);
        b = train("b.zip", 4, CouplingType.ADDITIVE, 0.003);
    }

    /** A tiny model trained 60 steps on moons, saved with its loss history and data set. */
    private static Path train(String name, int layers, CouplingType coupling, double lr) throws Exception {
        float[] xy = ToyDataset.MOONS.generate(300, 0.1, 0);
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, layers, new int[] {8}, coupling), 1);
        TrainingConfig config = new TrainingConfig(64, lr, 1.0, 1);
        Trainer trainer = new Trainer(flow, xy, config);
        LossHistory history = new LossHistory();
        for (int i = 0; i < 60; i++) {
            double loss = trainer.step();
            history.append(trainer.steps(), loss, trainer.steps() % 20 == 0 ? flow.meanNll(xy) : Double.NaN);
        }
        Path file = dir.resolve(name);
        ModelFiles.save(file, flow, ModelMetadata.trained(config, 60).withLossHistory(history.snapshot())
                .withDataset(new ModelMetadata.DatasetInfo("moons", 300, 0.1, 0L)));
        return file;
    }

    @Test
    void pngAndSvgHoldBothModelsTheirCurvesAndTheVerdict() throws Exception {
        Path png = dir.resolve("cmp.png");
        JsonNode r = CliRunner.run("render", "--model", a, "--compare", b, "--out", png, "--width", 700, "--height", 600,
                "--n", 300).assertOk().result();
        assertEquals("compare", r.get("view").asText());
        String verdict = r.get("verdict").asText();
        assertTrue(verdict.startsWith("Equal steps (60): A "), verdict);
        assertTrue(verdict.contains("KL gap"), "both trained on moons at noise 0.1: the floor is known: " + verdict);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(700, img.getWidth());
        assertEquals(600, img.getHeight());
        assertTrue(TestImages.distinctColours(img, 2) > 20, "densities, points and curves drawn");

        Path svg = dir.resolve("cmp.svg");
        CliRunner.run("render", "--model", a, "--compare", b, "--out", svg, "--n", 200).assertOk();
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(svg.toFile());
        String ns = "http://www.w3.org/2000/svg";
        assertEquals(4 * 200 + 2 * 3, doc.getElementsByTagNameNS(ns, "circle").getLength(),
                "200 points in each side's density and latent, and the latents' 1, 2, 3 σ circles");
        assertTrue(Files.readString(svg).contains("Equal steps (60)"), "the verdict is in the drawing");
    }

    @Test
    void gifPutsBothLayerAnimationsSideBySide() throws Exception {
        Path gif = dir.resolve("cmp.gif");
        JsonNode r = CliRunner.run("render", "--model", a, "--compare", b, "--out", gif, "--width", 160, "--height", 160,
                "--frames-per-layer", 4).assertOk().result();
        int frames = r.get("frames").asInt();
        assertEquals(4 * 4 + 1 + 2 * 6, frames, "the deeper model's frame count");
        assertEquals(320, r.get("pixel_width").asInt());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(frames, reader.getNumImages(true));
            assertEquals(320, reader.getWidth(0));
        }
    }

    @Test
    void badInputGivesOneLineAndTheUsualExitCodes() throws Exception {
        Path out = dir.resolve("x.png");
        String err = CliRunner.run("render", "--model", a, "--compare", dir.resolve("missing.zip"), "--out", out)
                .assertError(1).err();
        assertTrue(err.contains("missing.zip"), err);
        Path corrupt = dir.resolve("corrupt.zip");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7});
        err = CliRunner.run("render", "--model", a, "--compare", corrupt, "--out", out).assertError(1).err();
        assertTrue(err.contains("corrupt.zip"), err);
        err = CliRunner.run("render", "--model", a, "--compare", dir.resolve("b.csv"), "--out", out).assertError(2).err();
        assertTrue(err.contains("--compare must name a .zip"), err);
        err = CliRunner.run("render", "--model", a, "--compare", b, "--view", "density", "--out", out).assertError(2).err();
        assertTrue(err.contains("leave out --view"), err);
        err = CliRunner.run("render", "--model", a, "--out", out).assertError(2).err();
        assertTrue(err.contains("Missing required option: '--view=VIEW'"), "without --compare --view is required: " + err);
        assertFalse(Files.exists(out), "nothing written");
    }
    /** Side B with a mixture base: its latent plot draws the mixture's ellipses, side A (N(0, I)) the circles. */
    @Test
    void aMixtureBaseSideDrawsTheMixturesContoursNotTheStandardNormals() throws Exception {
        float[] xy = ToyDataset.EIGHT_GAUSSIANS.generate(200, 0.05, 0);
        RealNVP mixture = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE)
                .withBase(BaseDistribution.mixture(4)), 1);
        RealNVP gaussian = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE), 1);
        Bounds bounds = Bounds.ofData(xy);
        int[] colours = Palette.byPosition(xy);
        CompareRender.Side b = CompareRender.side(mixture, xy, bounds);
        CompareRender.Side a = CompareRender.side(gaussian, xy, bounds);
        BaseContours want = BaseContours.of(mixture.mixtureComponents().orElseThrow());
        assertEquals(4, want.components().size());
        FxHeadless.start();
        BaseContours[] drawn = FxHeadless.call(() -> new BaseContours[] {
            a.views(xy, colours, bounds).get(1).getLayers().baseContours(),
            b.views(xy, colours, bounds).get(1).getLayers().baseContours()});
        assertEquals(BaseContours.STANDARD_NORMAL, drawn[0]);
        assertEquals(want, drawn[1]);
    }
}
