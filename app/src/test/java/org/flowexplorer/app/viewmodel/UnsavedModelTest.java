package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Must ask before replacing the model?" against a real worker on the test thread: only a model
 * that has trained steps which are in no file the user saved (or opened) is worth a question.
 */
class UnsavedModelTest {
    @TempDir
    Path dir;

    @Test
    void asksOnlyForTrainedStepsThatAreInNoFile() throws Exception {
        try (SameThreadWorker.Fixture f = SameThreadWorker.Fixture.start()) {
            UnsavedModel unsaved = f.vm().files().unsaved();
            f.round();
            assertFalse(unsaved.mustAsk(), "a fresh model has nothing to lose");

            f.worker().runStepsNow(5);
            f.round();
            assertTrue(unsaved.mustAsk(), "5 trained steps in no file");
            assertEquals(5, unsaved.steps());

            Path file = dir.resolve("s.session.zip");
            f.vm().files().saveSession(file);
            f.round(); // the worker captures the session; the inline I/O executor writes it
            assertTrue(Files.exists(file));
            f.round();
            assertFalse(unsaved.mustAsk(), "just saved: the file holds these 5 steps");

            f.worker().runStepsNow(3);
            f.round();
            assertTrue(unsaved.mustAsk(), "3 steps more than the file holds");
            assertEquals(8, unsaved.steps());

            f.vm().files().openSession(file);
            f.round();
            f.round();
            assertEquals(5, f.worker().publishNow().status().step(), "the session's model is back");
            assertFalse(unsaved.mustAsk(), "the model now shown is the one in the opened file");

            f.vm().training().reset();
            f.round();
            assertFalse(unsaved.mustAsk(), "reset: step 0, nothing to lose");
        }
    }
}
