package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** render --view conditioner|health: both formats, the chosen coupling, its errors. */
class DiagnosticsRenderTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        FxToolkit.registerPrimaryStage();
        data = dir.resolve("moons.csv");
        CliRunner.run("dataset", "--name", "moons", "--n", 300, "--seed", 5, "--out", data).assertOk();
        model = dir.resolve("tiny.zip");
        CliRunner.run("train", "--data", data, "--layers", 4, "--hidden", "8,8", "--steps", 40, "--out", model).assertOk();
    }

    @Test
    void conditionerRendersTheChosenCouplingInBothFormats() throws Exception {
        Path svg = dir.resolve("conditioner.svg");
        CliRunner.run("render", "--model", model, "--view", "conditioner", "--layer", 3, "--data", data, "--out", svg)
                .assertOk();
        String text = Files.readString(svg);
        assertTrue(text.contains("Coupling 3 of 4"), "title names the coupling");
        assertTrue(text.contains("saturated (|s| &gt; 1.9)") || text.contains("saturated (|s| > 1.9)"), "saturation flag");
        assertTrue(text.contains("±2 = bound of 2·tanh"));
        Path png = dir.resolve("conditioner.png");
        CliRunner.run("render", "--model", model, "--view", "conditioner", "--out", png).assertOk();
        assertTrue(Files.size(png) > 2000);
    }

    @Test
    void healthRendersTheModelsFiguresWithoutTrainingOnes() throws Exception {
        Path svg = dir.resolve("health.svg");
        CliRunner.run("render", "--model", model, "--view", "health", "--data", data, "--out", svg).assertOk();
        String text = Files.readString(svg);
        assertTrue(text.contains("Numerical health"));
        assertTrue(text.contains("round trip max"));
        assertTrue(text.contains("— (not training)"));
        assertTrue(text.contains("log|det J| range"));
        Path png = dir.resolve("health.png");
        CliRunner.run("render", "--model", model, "--view", "health", "--out", png).assertOk();
        assertTrue(Files.size(png) > 2000);
    }

    @Test
    void theConditionersLayerIsACoupling() {
        String err = CliRunner.run("render", "--model", model, "--view", "conditioner", "--layer", 0, "--out",
                dir.resolve("x.png")).assertError(2).err();
        assertTrue(err.contains("--layer for --view conditioner is the coupling 1 … 4, got 0"), err);
    }
}
