package org.flowexplorer.model.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Rezende–Mohamed potentials, their gradients, and typed formulas with their errors. */
class PotentialTest {

    @ParameterizedTest
    @EnumSource(RezendePotential.class)
    void analyticGradientMatchesCentralDifferences(RezendePotential u) {
        SplittableRandom rng = new SplittableRandom(5);
        double[] g = new double[2];
        for (int k = 0; k < 200; k++) {
            double a = rng.nextDouble(-5, 5), b = rng.nextDouble(-5, 5), h = 1e-6;
            u.gradient(a, b, g);
            double d1 = (u.value(a + h, b) - u.value(a - h, b)) / (2 * h);
            double d2 = (u.value(a, b + h) - u.value(a, b - h)) / (2 * h);
            assertEquals(d1, g[0], 1e-5 * Math.max(1, Math.abs(d1)), u + " d/dx1 at " + a + ", " + b);
            assertEquals(d2, g[1], 1e-5 * Math.max(1, Math.abs(d2)), u + " d/dx2 at " + a + ", " + b);
        }
    }

    @Test
    void theFormulasOfThePaper() {
        // U1 at (2, 0): on the ring, and one of the two bumps at its centre
        assertEquals(-Math.log(1 + Math.exp(-0.5 * (4 / 0.6) * (4 / 0.6))), RezendePotential.U1.value(2, 0), 1e-12);
        // U2 on its curve x2 = sin(2π x1 / 4) is 0
        assertEquals(0, RezendePotential.U2.value(1, 1), 1e-12);
        assertEquals(0.5 * Math.pow(0.5 / 0.4, 2), RezendePotential.U2.value(0, 0.5), 1e-12);
        // the wall outside [−4, 4] only
        assertEquals(RezendePotential.U2.value(3.9, 0.2), 0.5 * Math.pow((0.2 - Math.sin(2 * Math.PI * 3.9 / 4)) / 0.4, 2), 1e-12);
        assertTrue(RezendePotential.U3.value(6, 0) > RezendePotential.U3.value(0, 0) + 40);
    }

    @Test
    void formulasEvaluateWithTheUsualPrecedence() {
        assertEquals(-4, Potential.of("-x1^2").value(2, 0), 0);
        assertEquals(512, Potential.of("2^3^2").value(0, 0), 0);
        assertEquals(7, Potential.of("1 + 2*3").value(0, 0), 0);
        assertEquals(9, Potential.of("(1 + 2)*3").value(0, 0), 0);
        assertEquals(0.5, Potential.of("x1 / x2").value(1, 2), 0);
        assertEquals(Math.exp(1) + Math.log(2) + Math.sin(1) + Math.cos(2) + Math.tanh(1) + 3 + 2,
                Potential.of("exp(x1) + log(x2) + sin(x1) + cos(x2) + tanh(x1) + sqrt(9) + abs(-x2)").value(1, 2), 1e-12);
        assertEquals(Math.PI * Math.E, Potential.of("pi * e").value(0, 0), 1e-12);
        assertEquals(2.5e-3, Potential.of("2.5e-3").value(0, 0), 0);
        assertSame(RezendePotential.U3, Potential.of(" u3 "));
    }

    @Test
    void formulaGradientsAreCentralDifferences() {
        Potential p = Potential.of("0.5*((sqrt(x1^2+x2^2)-2)/0.4)^2");
        double[] g = new double[2], exact = new double[2];
        p.gradient(1.3, -0.7, g);
        double r = Math.hypot(1.3, -0.7), k = (r - 2) / 0.16 / r;
        exact[0] = k * 1.3;
        exact[1] = k * -0.7;
        assertEquals(exact[0], g[0], 1e-8);
        assertEquals(exact[1], g[1], 1e-8);
    }

    @Test
    void aBadFormulaIsOneLineNamingTheColumn() {
        FormulaException e = assertThrows(FormulaException.class, () -> Potential.of("x1 + * x2"));
        assertEquals(6, e.column());
        assertEquals("formula error at column 6: unexpected '*' in \"x1 + * x2\"", e.getMessage());
        assertEquals(1, assertThrows(FormulaException.class, () -> Potential.of("y + 1")).column());
        assertTrue(assertThrows(FormulaException.class, () -> Potential.of("y + 1")).getMessage().contains("unknown name 'y'"));
        assertEquals(8, assertThrows(FormulaException.class, () -> Potential.of("sin(x1 x2)")).column());
        assertTrue(assertThrows(FormulaException.class, () -> Potential.of("(x1")).getMessage().contains("the formula ended"));
        assertTrue(assertThrows(FormulaException.class, () -> Potential.of("  ")).getMessage().contains("empty formula"));
        assertTrue(assertThrows(FormulaException.class, () -> Potential.of("1..2")).getMessage().contains("malformed number"));
        for (String bad : new String[] {"x1 +", "x1)", "sin x1", "x1 ^", "#"}) {
            String m = assertThrows(FormulaException.class, () -> Potential.of(bad)).getMessage();
            assertTrue(m.startsWith("formula error at column ") && !m.contains("\n"), m);
        }
    }
}
