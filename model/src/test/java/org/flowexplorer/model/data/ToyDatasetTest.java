package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contract of {@link ToyDataset}: names, determinism, exact sizes, and the noiseless geometry. */
class ToyDatasetTest {
    private static final double EPS = 1e-5;

    @Test
    void idsAreTheCliNamesOfThePythonScript() {
        List<String> ids = Arrays.stream(ToyDataset.values()).map(ToyDataset::id).toList();
        assertEquals(List.of("swissroll", "circles", "moons", "rings", "8gaussians", "pinwheel", "2spirals",
                "checkerboard", "diamond", "crescent", "sinewave", "fourcircles"), ids);
    }

    @Test
    void fromIdIsCaseInsensitive() {
        assertSame(ToyDataset.EIGHT_GAUSSIANS, ToyDataset.fromId("8Gaussians"));
        assertSame(ToyDataset.TWO_SPIRALS, ToyDataset.fromId("2SPIRALS"));
        for (ToyDataset d : ToyDataset.values()) {
            assertSame(d, ToyDataset.fromId(d.id()));
        }
    }

    @Test
    void fromIdRejectsUnknownNamesListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToyDataset.fromId("spiral"));
        assertTrue(e.getMessage().contains("\"spiral\""), e.getMessage());
        for (ToyDataset d : ToyDataset.values()) {
            assertTrue(e.getMessage().contains(d.id()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ToyDataset.fromId(null));
        assertThrows(IllegalArgumentException.class, () -> ToyDataset.fromId(""));
    }

    @Test
    void defaultNoiseMatchesTheReferenceScript() {
        assertEquals(1.0, ToyDataset.SWISSROLL.defaultNoise());
        assertEquals(0.08, ToyDataset.CIRCLES.defaultNoise());
        assertEquals(0.1, ToyDataset.MOONS.defaultNoise());
        assertEquals(0.08, ToyDataset.RINGS.defaultNoise());
        assertEquals(0.5, ToyDataset.EIGHT_GAUSSIANS.defaultNoise());
        assertEquals(0.3, ToyDataset.PINWHEEL.defaultNoise());
        assertEquals(0.1, ToyDataset.TWO_SPIRALS.defaultNoise());
        assertEquals(0.0, ToyDataset.CHECKERBOARD.defaultNoise());
    }

    @Test
    void onlyCheckerboardHasAKnownBoundAndItIsLn32() {
        for (ToyDataset d : ToyDataset.values()) {
            OptionalDouble bound = d.knownNllLowerBound();
            if (d == ToyDataset.CHECKERBOARD) {
                assertEquals(Math.log(32), bound.getAsDouble(), 1e-12);
            } else {
                assertFalse(bound.isPresent(), d.id());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void sameSeedSamePointsOtherSeedOtherPoints(ToyDataset d) {
        float[] a = d.generate(500, d.defaultNoise(), 42);
        assertArrayEquals(a, d.generate(500, d.defaultNoise(), 42));
        assertFalse(Arrays.equals(a, d.generate(500, d.defaultNoise(), 43)));
    }

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void returnsExactlyNFinitePoints(ToyDataset d) {
        for (int n = 1; n <= 12; n++) {
            float[] xy = d.generate(n, d.defaultNoise(), n);
            assertEquals(2 * n, xy.length, d.id() + " n=" + n);
            for (float v : xy) {
                assertTrue(Float.isFinite(v), d.id() + " n=" + n);
            }
        }
        assertEquals(2 * 20001, d.generate(20001, 7).length);
    }

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void rejectsBadArguments(ToyDataset d) {
        assertThrows(IllegalArgumentException.class, () -> d.generate(0, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> d.generate(10, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> d.generate(10, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> d.generate(10, Double.POSITIVE_INFINITY, 1));
    }

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void hasADescription(ToyDataset d) {
        assertFalse(d.description().isBlank());
        assertEquals(d.id(), d.toString());
    }

    @Test
    void noiselessMoonsLieOnTheTwoHalfCirclesWithTheLowerOneTakingTheOddPoint() {
        int upper = 0;
        int lower = 0;
        float[] xy = ToyDataset.MOONS.generate(1001, 0.0, 3);
        for (int i = 0; i < xy.length; i += 2) {
            // Upper moon: centre (-1, -0.2), radius 2, y >= -0.2. Lower: centre (1, 0.8), radius 2, y <= 0.8.
            double x = xy[i];
            double y = xy[i + 1];
            if (Math.abs(Math.hypot(x + 1, y + 0.2) - 2) < EPS && y >= -0.2 - EPS) {
                upper++;
            } else if (Math.abs(Math.hypot(x - 1, y - 0.8) - 2) < EPS && y <= 0.8 + EPS) {
                lower++;
            } else {
                throw new AssertionError("point off both moons: " + x + ", " + y);
            }
        }
        assertEquals(500, upper);
        assertEquals(501, lower);
    }

    @Test
    void noiselessCirclesHaveRadius3And1Point5() {
        float[] xy = ToyDataset.CIRCLES.generate(7, 0.0, 3);
        assertEquals(3, countRadius(xy, 3.0));
        assertEquals(4, countRadius(xy, 1.5));
    }

    @Test
    void noiselessRingsSplitPointsOverFourRadii() {
        float[] xy = ToyDataset.RINGS.generate(403, 0.0, 3);
        assertEquals(100, countRadius(xy, 3.0));
        assertEquals(100, countRadius(xy, 2.25));
        assertEquals(100, countRadius(xy, 1.5));
        assertEquals(103, countRadius(xy, 0.75));
    }

    @Test
    void noiselessSwissRollLiesOnTheSpiralRadiusEqualsAngleOver5() {
        float[] xy = ToyDataset.SWISSROLL.generate(1000, 0.0, 3);
        for (int i = 0; i < xy.length; i += 2) {
            double r = Math.hypot(xy[i], xy[i + 1]);
            double t = 5 * r;
            assertTrue(t >= 1.5 * Math.PI - 1e-4 && t <= 4.5 * Math.PI + 1e-4, "t = " + t);
            assertEquals(r * Math.cos(t), xy[i], 1e-4);
            assertEquals(r * Math.sin(t), xy[i + 1], 1e-4);
        }
    }

    @Test
    void noiselessEightGaussiansAreTheEightCentresEvenlyUsed() {
        float[] xy = ToyDataset.EIGHT_GAUSSIANS.generate(8000, 0.0, 3);
        int[] perCentre = new int[8];
        for (int i = 0; i < xy.length; i += 2) {
            assertEquals(4 / 1.414, Math.hypot(xy[i], xy[i + 1]), EPS);
            double angle = Math.atan2(xy[i + 1], xy[i]);
            double eighth = angle / (Math.PI / 4);
            assertEquals(Math.rint(eighth), eighth, 1e-5);
            perCentre[(int) Math.floorMod(Math.round(eighth), 8L)]++;
        }
        for (int c : perCentre) {
            assertEquals(1000, c, 150); // binomial(8000, 1/8): sd ~30
        }
    }

    @Test
    void noiselessPinwheelIsFivePointsOnePerArm() {
        float[] xy = ToyDataset.PINWHEEL.generate(12, 0.0, 3);
        double r = 2.0;
        int[] perArm = new int[5];
        for (int i = 0; i < xy.length; i += 2) {
            assertEquals(r, Math.hypot(xy[i], xy[i + 1]), EPS);
            // Point is 2 * (cos a, -sin a) with a = 2 pi k / 5 + 0.25 e.
            double a = -Math.atan2(xy[i + 1], xy[i]) - 0.25 * Math.E;
            double k = a / (2 * Math.PI / 5);
            assertEquals(Math.rint(k), k, 1e-5);
            perArm[(int) Math.floorMod(Math.round(k), 5L)]++;
        }
        assertArrayEquals(new int[] {3, 3, 2, 2, 2}, perArm);
    }

    @Test
    void twoSpiralsAreBalancedAcrossTheTwoPointReflectedArms() {
        // The arms are point reflections of each other, so only a balanced mixture has mean ~0;
        // one arm alone has a mean far from 0 (its uniform jitter alone contributes 0.25/3 = 0.083).
        float[] xy = ToyDataset.TWO_SPIRALS.generate(20000, 0.0, 3);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < xy.length; i += 2) {
            mx += xy[i];
            my += xy[i + 1];
        }
        assertEquals(0.0, mx / 20000, 0.05);
        assertEquals(0.0, my / 20000, 0.05);
    }

    @Test
    void noiselessCheckerboardLiesOnTheBlackSquares() {
        float[] xy = ToyDataset.CHECKERBOARD.generate(5000, 0.0, 3);
        for (int i = 0; i < xy.length; i += 2) {
            int col = (int) Math.floor(xy[i] / 2);   // -2..1
            int row = (int) Math.floor(xy[i + 1] / 2); // -2..1
            assertTrue(col >= -2 && col <= 1 && row >= -2 && row <= 1, xy[i] + ", " + xy[i + 1]);
            assertEquals(Math.floorMod(col, 2), Math.floorMod(row, 2), xy[i] + ", " + xy[i + 1]);
        }
    }

    private static int countRadius(float[] xy, double r) {
        int count = 0;
        for (int i = 0; i < xy.length; i += 2) {
            if (Math.abs(Math.hypot(xy[i], xy[i + 1]) - r) < EPS) {
                count++;
            }
        }
        return count;
    }
}
