package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.app.teach.MixtureBaseSection;
import org.flowexplorer.app.teach.TeachFormat;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.viewmodel.QueryPoint;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.MixtureBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mixture base in the teaching views: the formula inspector lists the learned components with
 * their numbers and the query point's responsibilities, and the explanation panel explains the base.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(FxToolkitExtension.class)
class MixtureBaseTeachingTest {
    @Test
    void theInspectorAndTheExplanationShowTheMixtureWithItsNumbers() throws Exception {
        try (TestApps.Running running = TestApps.start(TestApps.config(500, 2, new int[] {8}, 32))) {
            FlowExplorerApp app = running.app();
            MainWindow w = app.window();
            await("model ready", () -> app.viewModel().training().readyProperty().get());
            MixtureBaseSection section = w.inspector().mixture();
            assertFalse(fx(section::isVisible), "hidden for N(0, I)");
            fx(() -> {
                app.viewModel().form().baseProperty().set(BaseDistribution.mixture(3));
                return app.viewModel().form().applyArchitecture();
            });
            await("mixture shown", () -> fx(() -> section.isVisible() && section.shown() != null));
            fx(() -> {
                app.viewModel().plots().queryData(0.5, 0.25);
                return null;
            });
            await("query's responsibilities", () -> fx(() -> section.shownLatent() != null));
            fx(() -> {
                MixtureBase.Components c = section.shown();
                QueryPoint q = app.viewModel().plots().queryProperty().get();
                double[] z = {q.latentX(), q.latentY()};
                double[] r = c.responsibilities(z);
                for (int k = 0; k < 3; k++) {
                    assertEquals(TeachFormat.sig4(c.weights()[k]), section.cell(k, 1));
                    assertEquals("(" + TeachFormat.sig4(c.means()[k][0]) + ", " + TeachFormat.sig4(c.means()[k][1]) + ")", section.cell(k, 2));
                    assertEquals("(" + TeachFormat.sig4(c.scales()[k][0]) + ", " + TeachFormat.sig4(c.scales()[k][1]) + ")", section.cell(k, 3));
                    assertEquals(TeachFormat.sig4(r[k]), section.cell(k, 4));
                }
                String summary = section.summaryLabel().getText();
                assertTrue(summary.contains("log p_base(z) = " + TeachFormat.sig4(c.logDensity(z))), summary);
                assertTrue(summary.contains("is responsible"), summary);

                w.focus().set(w.target(Panel.LATENT_SPACE));
                return null;
            });
            await("latent explained with the mixture", () -> fx(() -> w.explanation().getText().endsWith("· mixture base")));
            String text = fx(() -> w.explanation().textLabel().getText());
            assertTrue(text.startsWith(Explanations.get(Explanations.LATENT_SPACE).text()), text);
            assertTrue(text.contains(Explanations.get(Explanations.MIXTURE_BASE).text()), text);
            assertTrue(text.contains("Its 3 weights now: "), text);
        }
    }
}
