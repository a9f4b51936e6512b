package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;

/**
 * Deep comparison of view data, number for number (bitwise), through records, arrays, lists and the
 * fields of the app's and model's own classes; skips what says when or how often something was
 * computed rather than what it shows (model versions, timings, the trainer's clipping window).
 */
public final class SameNumbers {
    private static final Set<String> SKIPPED = Set.of("modelVersion", "millis", "clipping");

    private SameNumbers() {
    }

    public static void assertSameNumbers(Object expected, Object actual, String path) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, path);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), path);
        Class<?> type = expected.getClass();
        if (type.isArray()) {
            assertEquals(Array.getLength(expected), Array.getLength(actual), path + " length");
            for (int i = 0; i < Array.getLength(expected); i++) {
                assertSameNumbers(Array.get(expected, i), Array.get(actual, i), path + "[" + i + "]");
            }
        } else if (expected instanceof Double d) {
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) actual), path + ": " + d + " vs " + actual);
        } else if (expected instanceof Float f) {
            assertEquals(Float.floatToIntBits(f), Float.floatToIntBits((Float) actual), path + ": " + f + " vs " + actual);
        } else if (expected instanceof List<?> a) {
            List<?> b = (List<?>) actual;
            assertEquals(a.size(), b.size(), path + " size");
            for (int i = 0; i < a.size(); i++) {
                assertSameNumbers(a.get(i), b.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof java.util.Map<?, ?> a) {
            java.util.Map<?, ?> b = (java.util.Map<?, ?>) actual;
            assertEquals(a.keySet(), b.keySet(), path + " keys");
            for (Object k : a.keySet()) {
                assertSameNumbers(a.get(k), b.get(k), path + "[" + k + "]");
            }
        } else if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!SKIPPED.contains(c.getName())) {
                    assertSameNumbers(read(c, expected), read(c, actual), path + "." + c.getName());
                }
            }
        } else if (type.getName().startsWith("org.flowexplorer") && !type.isEnum()) {
            for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !SKIPPED.contains(f.getName())) {
                        f.setAccessible(true);
                        try {
                            assertSameNumbers(f.get(expected), f.get(actual), path + "." + f.getName());
                        } catch (IllegalAccessException e) {
                            fail(e);
                        }
                    }
                }
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static Object read(RecordComponent c, Object o) {
        try {
            return c.getAccessor().invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
