package org.flowexplorer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headless soak run: periodic memory lines, then min/max (issue 10, "Soak and shutdown"). */
class SoakCommandTest {
    @Test
    void shortSoakPrintsMemoryLinesAndASummary() {
        CliRunner.Result run = CliRunner.run("soak", "--seconds", 4, "--every", 1, "--layers", 2, "--hidden", "16,16",
                "--n", 500, "--density-grid", 32).assertOk();
        List<JsonNode> lines = run.jsonLines();
        // one memory line per report, then the summary; how many reports fit in 4 s depends on the
        // machine's load (each report runs a full GC), so the count is checked against the summary
        assertTrue(lines.size() >= 2, run.out());
        assertEquals(lines.size() - 1, run.result().get("reports").asInt(), run.out());
        for (JsonNode line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.get("elapsed_s").asDouble() > 0, line.toString());
            assertTrue(line.get("heap_used_mb").asDouble() > 0, line.toString());
            assertTrue(line.has("off_heap_mb"), line.toString());
            assertTrue(line.get("rss_mb").asDouble() > 0, line.toString());
            assertTrue(line.get("pss_mb").asDouble() > 0, line.toString());
            assertTrue(line.get("steps").asLong() > 0, line.toString());
            assertTrue(Double.isFinite(line.get("loss").asDouble()), line.toString());
        }
        JsonNode r = run.result();
        assertEquals("soak", r.get("command").asText());
        assertTrue(r.get("traces").asInt() > 0 && r.get("samples").asInt() > 0 && r.get("densities").asInt() > 0, r.toString());
        for (String k : new String[] {"heap_used_mb", "off_heap_mb", "rss_mb", "pss_mb"}) {
            assertTrue(r.get(k + "_min").asDouble() <= r.get(k + "_max").asDouble(), r.toString());
        }
    }

    @Test
    void aSoakWithOnlyTheWarmUpReportStillGivesTheMemoryRange() {
        // the first view round (a 1024² density) outlasts the whole 0.3 s run, so the only report was the
        // warm-up one, which the range skips, and the summary had no *_min/*_max; on a loaded machine a
        // slow first round did the same to the test above. Now the last report always counts.
        JsonNode r = CliRunner.run("soak", "--seconds", 0.3, "--every", 0.1, "--layers", 4, "--hidden", "64,64",
                "--n", 200, "--density-grid", 1024).assertOk().result();
        assertTrue(r.get("reports").asInt() >= 1, r.toString());
        for (String k : new String[] {"heap_used_mb", "rss_mb"}) {
            assertTrue(r.has(k + "_min") && r.get(k + "_min").asDouble() <= r.get(k + "_max").asDouble(), r.toString());
        }
    }

    @Test
    void soakNeedsADuration() {
        CliRunner.run("soak", "--seconds", 0).assertError(2);
        CliRunner.run("soak", "--minutes", 1, "--seconds", 5).assertError(2);
    }
}
