package org.flowexplorer.app.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.junit.jupiter.api.Test;

class AppPreferencesTest extends FreshPreferences {
    @Test
    void firstStartHasDefaults() {
        AppPreferences prefs = new AppPreferences(node);
        assertEquals(Optional.empty(), prefs.windowBounds());
        assertEquals(LastSettings.DEFAULT, prefs.lastSettings());
        assertEquals(List.of(), prefs.recentFiles().list());
    }

    @Test
    void rememberedAcrossInstances() throws IOException {
        AppPreferences prefs = new AppPreferences(node);
        WindowBounds bounds = new WindowBounds(-1280, 40.5, 1200, 800, true);
        prefs.setWindowBounds(bounds);
        LastSettings settings = new LastSettings(ToyDataset.TWO_SPIRALS, new Architecture(4, new int[] {64, 32, 16}, CouplingType.ADDITIVE),
                3e-4, 128);
        prefs.setLastSettings(settings);
        Path file = Files.writeString(dir.resolve("s.session.zip"), "x");
        prefs.recentFiles().add(file);

        AppPreferences again = new AppPreferences(node);
        assertEquals(Optional.of(bounds), again.windowBounds());
        assertEquals(settings, again.lastSettings());
        assertEquals(List.of(file), again.recentFiles().list());
    }

    @Test
    void unusableStoredValuesFallBackPartByPart() {
        AppPreferences prefs = new AppPreferences(node);
        prefs.setLastSettings(new LastSettings(ToyDataset.PINWHEEL, Architecture.DEFAULT, 0.01, 64));
        node.put("settings.hidden", "256,lots");
        node.put("settings.batchSize", "-3");
        LastSettings read = prefs.lastSettings();
        assertEquals(ToyDataset.PINWHEEL, read.dataset());
        assertEquals(0.01, read.learningRate());
        assertEquals(Architecture.DEFAULT, read.architecture());
        assertEquals(256, read.batchSize());
        node.put("settings.dataset", "blobs");
        node.put("settings.learningRate", "NaN");
        assertEquals(LastSettings.DEFAULT, prefs.lastSettings());

        prefs.setWindowBounds(new WindowBounds(0, 0, 800, 600, false));
        node.put("window.width", "12");
        assertEquals(Optional.empty(), prefs.windowBounds());
        node.remove("window.height");
        assertEquals(Optional.empty(), prefs.windowBounds());
        assertThrows(IllegalArgumentException.class, () -> new WindowBounds(Double.NaN, 0, 800, 600, false));
    }

    @Test
    void scaleAndBatchNormAreRemembered() {
        AppPreferences prefs = new AppPreferences(node);
        LastSettings settings = new LastSettings(ToyDataset.MOONS, new Architecture(6, new int[] {32}, CouplingType.AFFINE)
                .withScale(org.flowexplorer.model.flow.ScaleFunction.tanh(3.5)).withBatchNorm(true), 1e-3, 64);
        prefs.setLastSettings(settings);
        assertEquals(settings, new AppPreferences(node).lastSettings());
    }

    @Test
    void theBaseIsRemembered() {
        AppPreferences prefs = new AppPreferences(node);
        LastSettings settings = new LastSettings(ToyDataset.EIGHT_GAUSSIANS, new Architecture(4, new int[] {32, 32}, CouplingType.AFFINE)
                .withBase(org.flowexplorer.model.flow.BaseDistribution.mixture(8)), 3e-3, 256);
        prefs.setLastSettings(settings);
        assertEquals(settings, new AppPreferences(node).lastSettings());
    }

    @Test
    void aSplinesBinsAndTailBoundAreRemembered() {
        AppPreferences prefs = new AppPreferences(node);
        LastSettings settings = new LastSettings(ToyDataset.CHECKERBOARD, new Architecture(8, new int[] {64}, CouplingType.SPLINE)
                .withSpline(new org.flowexplorer.model.flow.SplineShape(12, 3.5)), 1e-3, 256);
        prefs.setLastSettings(settings);
        assertEquals(settings, new AppPreferences(node).lastSettings());
    }
}
