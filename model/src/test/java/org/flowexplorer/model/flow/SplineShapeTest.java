package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SplineShapeTest {
    @Test
    void describesTheBoundWithTheShortestDecimal() {
        assertEquals("8 bins on [−4, 4]", SplineShape.DEFAULT.toString());
        assertEquals("5 bins on [−2.5, 2.5]", new SplineShape(5, 2.5).toString());
        assertEquals("16 bins on [−0.75, 0.75]", new SplineShape(16, 0.75).toString());
    }

    @Test
    void refusesBinsAndBoundsOutsideTheirRanges() {
        assertThrows(IllegalArgumentException.class, () -> new SplineShape(1, 4));
        assertThrows(IllegalArgumentException.class, () -> new SplineShape(65, 4));
        assertThrows(IllegalArgumentException.class, () -> new SplineShape(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SplineShape(8, Double.NaN));
    }
}
