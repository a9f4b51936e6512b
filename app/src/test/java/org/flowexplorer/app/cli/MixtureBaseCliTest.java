package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --base mixture:K}: saved in the zip, refused by the .npz and by reverse-KL fitting. */
class MixtureBaseCliTest {
    @Test
    void trainWithAMixtureBaseSavesItInTheModelZip(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("mixture.zip");
        JsonNode r = CliRunner.run("train", "--dataset", "8gaussians", "--n", 400, "--layers", 2, "--hidden", "8", "--steps", 30,
                "--batch", 64, "--lr", 0.01, "--base", "mixture:4", "--out", zip).assertOk().result();
        assertEquals("mixture:4", r.get("base").asText());
        assertTrue(r.get("train_nll").asDouble() < r.get("initial_train_nll").asDouble());
        assertEquals(BaseDistribution.mixture(4), ModelFile.load(zip).model().spec().base());
    }

    @Test
    void theNpzAndReverseKlRefuseAMixtureBaseAndBadBasesAreUsageErrors(@TempDir Path dir) {
        Path npz = dir.resolve("m.npz");
        CliRunner.Result toNpz = CliRunner.run("train", "--dataset", "moons", "--n", 100, "--layers", 1, "--hidden", 4, "--steps", 2,
                "--base", "mixture:2", "--out", npz);
        assertFalse(toNpz.err().isBlank(), "an error is reported");
        assertTrue(toNpz.err().contains("mixture of 2 Gaussians"), toNpz.err());
        assertFalse(Files.exists(npz));
        CliRunner.Result energy = CliRunner.run("train", "--energy", "u1", "--steps", 1, "--base", "mixture:2");
        energy.assertError(2);
        assertTrue(energy.err().contains("--base mixture:2"), energy.err());
        CliRunner.Result bad = CliRunner.run("train", "--dataset", "moons", "--steps", 1, "--base", "laplace");
        bad.assertError(2);
        assertTrue(bad.err().contains("unknown base 'laplace'"), bad.err());
    }
}
