package org.flowexplorer.app;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Two C calls the JVM has no Java API for: libc's {@code setenv} (OpenBLAS reads
 * {@code OPENBLAS_CORETYPE} with {@code getenv} when it loads, and a JVM's environment is fixed at
 * start) and OpenBLAS's {@code openblas_get_corename} (which kernel it actually runs; JavaCPP's
 * OpenBLAS preset does not map it). Through JDK 17's incubating foreign linker
 * ({@code jdk.incubator.foreign}, which needs {@code --add-modules jdk.incubator.foreign
 * --enable-native-access=ALL-UNNAMED}), called reflectively: the module is absent unless added, and
 * its API changed in every JDK after 17, so on any other JDK or without the options each call just
 * reports that it could not run. No library offers these two calls on Java 17 short of JNI code of
 * our own (JNA would be a 2 MB dependency for two functions).
 */
public final class ForeignCalls {
    private static final String PKG = "jdk.incubator.foreign.";

    private ForeignCalls() {
    }

    /** {@code setenv(name, value, 1)}; false if it could not be called or failed. Call before other threads read the environment. */
    static boolean setenv(String name, String value) {
        try {
            Class<?> address = Class.forName(PKG + "MemoryAddress");
            Optional<?> symbol = lookup(systemLookup(), "setenv");
            if (symbol.isEmpty()) {
                return false;
            }
            MethodHandle h = downcall(symbol.get(), MethodType.methodType(int.class, address, address, int.class),
                    layout("C_INT"), layout("C_POINTER"), layout("C_POINTER"), layout("C_INT"));
            Class<?> scopeClass = Class.forName(PKG + "ResourceScope");
            try (AutoCloseable scope = (AutoCloseable) scopeClass.getMethod("newConfinedScope").invoke(null)) {
                Object n = cString(name, scope, scopeClass), v = cString(value, scope, scopeClass);
                return (int) h.invoke(n, v, 1) == 0;
            }
        } catch (Throwable e) { // no such module or JDK API, or native access not enabled
            return false;
        }
    }

    /** The kernel of the OpenBLAS this JVM has loaded (e.g. "SkylakeX", "Prescott"), if it can be asked. */
    public static Optional<String> openblasCoreName() {
        try {
            Class<?> address = Class.forName(PKG + "MemoryAddress");
            Object loader = Class.forName(PKG + "SymbolLookup").getMethod("loaderLookup").invoke(null);
            Optional<?> symbol = lookup(loader, "openblas_get_corename");
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            MethodHandle h = downcall(symbol.get(), MethodType.methodType(address), layout("C_POINTER"));
            Object result = h.invoke();
            String name = (String) linker().getMethod("toJavaString", address).invoke(null, result);
            return Optional.of(name.trim());
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    private static Class<?> linker() throws ClassNotFoundException {
        return Class.forName(PKG + "CLinker");
    }

    private static Object systemLookup() throws ReflectiveOperationException {
        return linker().getMethod("systemLookup").invoke(null);
    }

    private static Optional<?> lookup(Object symbolLookup, String name) throws ReflectiveOperationException {
        return (Optional<?>) Class.forName(PKG + "SymbolLookup").getMethod("lookup", String.class).invoke(symbolLookup, name);
    }

    private static Object layout(String field) throws ReflectiveOperationException {
        return linker().getField(field).get(null);
    }

    private static MethodHandle downcall(Object symbol, MethodType type, Object result, Object... args)
            throws ReflectiveOperationException {
        Class<?> layoutClass = Class.forName(PKG + "MemoryLayout");
        Class<?> descriptorClass = Class.forName(PKG + "FunctionDescriptor");
        Object argArray = Array.newInstance(layoutClass, args.length);
        for (int i = 0; i < args.length; i++) {
            Array.set(argArray, i, args[i]);
        }
        Object descriptor = descriptorClass.getMethod("of", layoutClass, argArray.getClass()).invoke(null, result, argArray);
        Object linker = linker().getMethod("getInstance").invoke(null);
        return (MethodHandle) linker().getMethod("downcallHandle", Class.forName(PKG + "Addressable"), MethodType.class,
                descriptorClass).invoke(linker, symbol, type, descriptor);
    }

    private static Object cString(String s, Object scope, Class<?> scopeClass) throws ReflectiveOperationException {
        Object segment = linker().getMethod("toCString", String.class, scopeClass).invoke(null, s, scope);
        return Class.forName(PKG + "MemorySegment").getMethod("address").invoke(segment);
    }
}
