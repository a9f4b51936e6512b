package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each coupling type carries: its factory, its conditioner width, its id. */
class CouplingTypeTest {

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void theFactoryBuildsALayerOfThatTypeWithThatManyOutputs(CouplingType type) {
        Mask mask = Mask.of(true, false, false);
        int count = CouplingLayer.parameterCount(type, mask, new int[] {5});
        ParameterStore<?> store = new ParameterStore<>(Numerics.of(Precision.FLOAT64), 3 + count);
        CouplingLayer layer = type.create(mask, new int[] {5}, store, 3);
        assertEquals(type, layer.type());
        assertEquals(3, layer.parameterOffset());
        assertEquals(count, layer.parameterCount());
        assertEquals(2 * type.outputsPerTransformed(), layer.conditioner().outputs());
        // .npz import infers the type from the width; a spline has no seed state_dict layout.
        assertEquals(type.hasStateDict() ? type : null, CouplingType.forConditionerOutputs(layer.conditioner().outputs(), 2));
        assertEquals(type, CouplingType.fromId(" " + type.id().toUpperCase() + " "));
        assertTrue(!layer.traceTerms().isEmpty() && layer.traceTerms().contains(FlowTrace.SHIFT), layer.traceTerms().toString());
    }

    @Test
    void unknownWidthsAndIdsNameTheAlternatives() {
        assertNull(CouplingType.forConditionerOutputs(3, 2));
        assertEquals("4 (affine: scale and shift) or 2 (additive: shift only)", CouplingType.expectedOutputs(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CouplingType.fromId("maf"));
        assertEquals("unknown coupling 'maf' (expected affine or additive or spline)", e.getMessage());
    }
}
