package org.flowexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastMathTest {
    @Test
    void tanhMatchesMathTanh() {
        Random r = new Random(5);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = r.nextGaussian() * (i % 3 == 0 ? 0.01 : i % 3 == 1 ? 1 : 20);
            double err = Math.abs(FastMath.tanh(x) - Math.tanh(x));
            worst = Math.max(worst, err);
            assertEquals((float) Math.tanh(x), (float) FastMath.tanh(x), Math.ulp((float) Math.tanh(x)), "x = " + x);
        }
        assertEquals(0, worst, 3e-16); // one ulp of values near 1
        assertEquals(0.0, FastMath.tanh(0.0));
        assertEquals(1.0, FastMath.tanh(1e3));
        assertEquals(-1.0, FastMath.tanh(-1e3));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FastMath.tanh(-0.0)));
    }
}
