package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowexplorer.app.io.ImageDensityImport;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --energy} (reverse KL), {@code --image} as a density, and the NSF plane sets on the command line. */
class EnergyAndImageCliTest {
    @TempDir
    Path dir;

    @Test
    void trainByReverseKlOnAPotentialSavesAModel() throws Exception {
        Path zip = dir.resolve("u1.zip");
        JsonNode r = CliRunner.run("train", "--energy", "U1", "--layers", 4, "--hidden", "16,16", "--steps", 150, "--batch", 128,
                "--lr", 0.005, "--out", zip).assertOk().result();
        assertEquals("U1", r.get("energy").asText());
        assertTrue(r.get("reverse_kl").asDouble() < r.get("initial_reverse_kl").asDouble(), r.toString());
        assertEquals(150, r.get("steps").asInt());
        assertEquals(r.get("parameters").asInt(), ModelFile.load(zip).model().parameterCount());
    }

    @Test
    void aTypedFormulaTrainsToo() {
        JsonNode r = CliRunner.run("train", "--energy", "0.5*((x1-1)^2 + x2^2)/0.25", "--layers", 2, "--hidden", 8,
                "--steps", 60, "--batch", 64, "--lr", 0.01).assertOk().result();
        assertTrue(r.get("reverse_kl").asDouble() < r.get("initial_reverse_kl").asDouble(), r.toString());
    }

    @Test
    void aBadFormulaIsAOneLineUsageErrorWithTheColumn() {
        CliRunner.Result bad = CliRunner.run("train", "--energy", "x1 + * x2", "--steps", 1);
        bad.assertError(2);
        assertTrue(bad.err().contains("formula error at column 6"), bad.err());
        CliRunner.Result bn = CliRunner.run("train", "--energy", "U2", "--steps", 1, "--batchnorm");
        bn.assertError(2);
        assertTrue(bn.err().contains("batch normalisation"), bn.err());
        CliRunner.run("train", "--energy", "U2", "--dataset", "moons", "--steps", 1).assertError(2);
        CliRunner.Result act = CliRunner.run("train", "--energy", "U2", "--steps", 1, "--norm", "act");
        act.assertError(2);
        assertTrue(act.err().contains("--norm act or --mixer"), act.err());
        CliRunner.run("train", "--energy", "U2", "--steps", 1, "--mixer", "lu").assertError(2);
        // the checks read the parsed options: "NONE" is --norm none (it was refused as typed text)
        CliRunner.run("train", "--energy", "U2", "--steps", 1, "--norm", "NONE", "--layers", 1, "--hidden", 4).assertOk();
    }

    @Test
    void anImageBecomesPointsWithItsExactEntropy() throws Exception {
        Path png = dir.resolve("f.png");
        try (InputStream in = ImageDensityImport.class.getResourceAsStream(ImageDensityImport.EXAMPLE)) {
            Files.copy(in, png);
        }
        Path csv = dir.resolve("f.csv");
        JsonNode d = CliRunner.run("dataset", "--image", png, "--invert", "--square", 3, "--n", 400, "--seed", 2, "--out", csv)
                .assertOk().result();
        assertEquals(400, PointCsv.read(csv).length / 2);
        assertTrue(d.get("entropy").asDouble() < Math.log(36), d.toString()); // below the whole square's ln((2·3)²)
        JsonNode t = CliRunner.run("train", "--image", png, "--invert", "--n", 500, "--layers", 2, "--hidden", 8, "--steps", 30)
                .assertOk().result();
        assertEquals(d.get("entropy").asDouble() + Math.log(16.0 / 9), t.get("entropy").asDouble(), 1e-9); // S = 4 vs 3
        assertTrue(t.get("kl_gap").asDouble() > 0, t.toString());
        CliRunner.Result missing = CliRunner.run("train", "--image", dir.resolve("nope.png"), "--steps", 1);
        missing.assertError(1);
        Path text = Files.writeString(dir.resolve("fake.png"), "not an image");
        assertTrue(CliRunner.run("train", "--image", text, "--steps", 1).assertError(1).err().contains("not a PNG or JPEG"));
    }

    @Test
    void theNsfSetsAreDataSets() {
        for (String name : new String[] {"diamond", "crescent", "sinewave", "fourcircles"}) {
            JsonNode r = CliRunner.run("train", "--dataset", name, "--n", 200, "--layers", 1, "--hidden", 4, "--steps", 2)
                    .assertOk().result();
            assertEquals(name, r.get("dataset").asText());
        }
    }
}
