package io.sluice.compiler.codegen;

import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelClasses;
import io.sluice.runtime.kernel.KernelFactory;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place generated source becomes classes (Janino), with a cache keyed by the source text:
 * the same kernel source compiles once per JVM. Entries hold their class softly, so the cache never
 * keeps a class loader alive against memory pressure, and the map is bounded.
 *
 * <p>Set {@code -Dsluice.codegen.dump=DIR} to write every generated source to DIR.
 */
public final class KernelCompiler {
    private static final int MAX_ENTRIES = 256;

    private static final Map<String, SoftReference<Class<?>>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, SoftReference<Class<?>>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private KernelCompiler() {
    }

    /** Compiles (or finds in the cache) the kernel and returns a factory of its instances. */
    public static KernelFactory compile(final KernelGenerator.GeneratedKernel kernel) {
        return KernelClasses.factory(load(kernel));
    }

    private static Class<?> load(final KernelGenerator.GeneratedKernel kernel) {
        synchronized (CACHE) {
            final SoftReference<Class<?>> ref = CACHE.get(kernel.source());
            final Class<?> cached = ref == null ? null : ref.get();
            if (cached != null) {
                return cached;
            }
        }
        dump(kernel);
        final SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(Kernel.class.getClassLoader());
        try {
            compiler.cook(kernel.source());
            final Class<?> type = compiler.getClassLoader().loadClass(kernel.qualifiedName());
            synchronized (CACHE) {
                CACHE.put(kernel.source(), new SoftReference<>(type));
            }
            return type;
        } catch (final CompileException | ClassNotFoundException e) {
            throw new IllegalStateException("generated kernel does not compile (a Sluice bug): " + e.getMessage()
                + "\n" + numbered(kernel.source()), e);
        }
    }

    /**
     * Compiles without loading or caching and returns the class files by class name: for bytecode
     * verification in tests and, later, for packaging kernels into artifacts.
     */
    public static Map<String, byte[]> bytecode(final KernelGenerator.GeneratedKernel kernel) {
        final SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(Kernel.class.getClassLoader());
        try {
            compiler.cook(kernel.source());
        } catch (final CompileException e) {
            throw new IllegalStateException("generated kernel does not compile (a Sluice bug): " + e.getMessage()
                + "\n" + numbered(kernel.source()), e);
        }
        return compiler.getBytecodes();
    }

    /** Empties the cache (tests; lets the generated classes unload). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    private static void dump(final KernelGenerator.GeneratedKernel kernel) {
        final String dir = System.getProperty("sluice.codegen.dump");
        if (dir != null) {
            try {
                Files.createDirectories(Path.of(dir));
                Files.writeString(Path.of(dir, kernel.className() + ".java"), kernel.source(), StandardCharsets.UTF_8);
            } catch (final IOException e) {
                System.err.println("sluice: cannot dump generated source to " + dir + ": " + e.getMessage());
            }
        }
    }

    /** The source with line numbers, for compile failures. */
    static String numbered(final String source) {
        final StringBuilder sb = new StringBuilder();
        final String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }
}
