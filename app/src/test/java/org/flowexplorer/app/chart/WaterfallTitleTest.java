package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowexplorer.app.scene.QueryAnatomy;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The waterfall's title writes the model's own base: N(z; 0, I), or p_base and (where it fits) the mixture's name. */
@ExtendWith(FxToolkitExtension.class)
class WaterfallTitleTest {
    private static QueryAnatomy query(FlowSpec spec) {
        RealNVP flow = RealNVP.create(spec, 5);
        return QueryAnatomy.of(flow, flow.parameterValues(), 0.6, -1.1, 2);
    }

    @Test
    void theTitleNamesTheModelsBase() throws Exception {
        FlowSpec spec = FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE);
        QueryAnatomy standard = query(spec);
        QueryAnatomy mixture = query(spec.withBase(BaseDistribution.mixture(3)));
        assertEquals("log p(x) = log N(z; 0, I) + Σ log|det J_l|", onFx(() -> WaterfallChart.title(standard, 1000)));
        assertEquals("log p(x) = log p_base(z) + Σ log|det J_l|,  p_base = mixture of 3 Gaussians",
                onFx(() -> WaterfallChart.title(mixture, 1000)));
        assertEquals("log p(x) = log p_base(z) + Σ log|det J_l|", onFx(() -> WaterfallChart.title(mixture, 300)),
                "a narrow chart keeps the formula and drops the name");
    }
}
