package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A text changed 60 times in half a second is shown about ten times a second, and ends on the newest value. */
@ExtendWith(FxToolkitExtension.class)
class PacedTextTest {
    @Test
    void aBurstOfChangesIsShownAtMostOncePerSliceAndEndsOnTheNewest() throws Exception {
        IntegerProperty step = new SimpleIntegerProperty(0);
        StringProperty shown = new SimpleStringProperty();
        AtomicInteger changes = new AtomicInteger();
        onFx(() -> {
            // as the app does it: a binding made for the readout, held by nothing else
            PacedText.follow(shown, Bindings.createStringBinding(() -> step.get() == 0 ? "start" : "v" + step.get(), step));
            shown.addListener((o, was, now) -> changes.incrementAndGet());
            return null;
        });
        assertEquals("start", onFx(shown::get), "the first value is shown at once");
        for (int i = 0; i < 3; i++) {
            System.gc(); // the pacer lives as long as what it shows
        }
        long t0 = System.nanoTime();
        for (int i = 1; i <= 60; i++) {
            int v = i;
            onFx(() -> {
                step.set(v);
                return null;
            });
            Thread.sleep(8);
        }
        double elapsedSlices = (System.nanoTime() - t0) / (double) PacedText.INTERVAL_NANOS;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!"v60".equals(onFx(shown::get)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("v60", onFx(shown::get), "the newest value is shown once the changes stop");
        // one change per slice the burst touched, plus the one after it (a plain binding: 60)
        int allowed = (int) Math.ceil(elapsedSlices) + 2;
        assertTrue(changes.get() <= allowed, changes.get() + " changes shown in " + elapsedSlices + " slices");
        assertTrue(changes.get() >= 2, "the text followed the source during the burst: " + changes.get());
    }
}
