package io.sluice.compiler.codegen;

import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelClasses;
import io.sluice.runtime.kernel.KernelFactory;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.util.reflect.ByteArrayClassLoader;
import org.codehaus.janino.ClassLoaderIClassLoader;
import org.codehaus.janino.IClassLoader;
import org.codehaus.janino.Java;
import org.codehaus.janino.Parser;
import org.codehaus.janino.Scanner;
import org.codehaus.janino.UnitCompiler;
import org.codehaus.janino.util.ClassFile;

import java.io.IOException;
import java.io.StringReader;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The one place generated source becomes classes (Janino), with a cache keyed by the source text:
 * the same kernel source compiles once per JVM. Entries hold their class softly, so the cache never
 * keeps a class loader alive against memory pressure, and the map is bounded.
 *
 * <p>Janino resolves every class the source names (JDK and runtime classes) through an
 * {@link IClassLoader}, which reflects on each class once and remembers it. {@code SimpleCompiler}
 * builds a new one per compile, so every compile reflected again on the same classes (about a third
 * of a warm compile). Here the IClassLoaders are pooled and reused: they see only the runtime's
 * class loader (never a generated class, each of which gets its own class loader, so kernels still
 * unload), one thread at a time uses each, and each is dropped after {@link #ICLASS_LOADER_USES}
 * compiles so what it remembers about the generated sources it compiled stays bounded.
 *
 * <p>Set {@code -Dsluice.codegen.dump=DIR} to write every generated source to DIR.
 */
public final class KernelCompiler {
    private static final int MAX_ENTRIES = 256;

    /** Compiles one pooled IClassLoader serves before it is dropped. */
    static final int ICLASS_LOADER_USES = 64;

    /** The class loader generated classes see: the runtime's. */
    private static final ClassLoader PARENT = Kernel.class.getClassLoader();

    /** Idle IClassLoaders; a compile takes one (or makes one) and puts it back when done. */
    private static final ConcurrentLinkedDeque<PooledIClassLoader> ICLASS_LOADERS = new ConcurrentLinkedDeque<>();

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
        final Map<String, byte[]> classes = bytecode(kernel);
        try {
            // one class loader per kernel (as Janino's SimpleCompiler does): it unloads with the kernel
            final Class<?> type = new ByteArrayClassLoader(classes, PARENT).loadClass(kernel.qualifiedName());
            synchronized (CACHE) {
                CACHE.put(kernel.source(), new SoftReference<>(type));
            }
            return type;
        } catch (final ClassNotFoundException e) {
            throw new IllegalStateException("generated kernel does not define " + kernel.qualifiedName()
                + " (a Sluice bug)\n" + numbered(kernel.source()), e);
        }
    }

    /**
     * Compiles without loading or caching and returns the class files by class name: for bytecode
     * verification in tests and, later, for packaging kernels into artifacts.
     */
    public static Map<String, byte[]> bytecode(final KernelGenerator.GeneratedKernel kernel) {
        PooledIClassLoader iClassLoader = ICLASS_LOADERS.pollFirst();
        if (iClassLoader == null) {
            iClassLoader = new PooledIClassLoader();
        }
        boolean reusable = false;
        try {
            final Java.AbstractCompilationUnit unit =
                new Parser(new Scanner(null, new StringReader(kernel.source()))).parseAbstractCompilationUnit();
            final List<ClassFile> classFiles = new ArrayList<>();
            // no debugging information (source file, line numbers, local variables): SimpleCompiler's default
            new UnitCompiler(unit, iClassLoader.loader).compileUnit(false, false, false, classFiles::add);
            final Map<String, byte[]> classes = new HashMap<>();
            for (final ClassFile classFile : classFiles) {
                classes.put(classFile.getThisClassName(), classFile.toByteArray());
            }
            reusable = true;
            return classes;
        } catch (final CompileException | IOException e) {
            throw new IllegalStateException("generated kernel does not compile (a Sluice bug): " + e.getMessage()
                + "\n" + numbered(kernel.source()), e);
        } finally {
            // after a failure the IClassLoader's state is unknown: let it go
            if (reusable && ++iClassLoader.uses < ICLASS_LOADER_USES) {
                ICLASS_LOADERS.offerFirst(iClassLoader);
            }
        }
    }

    /** An IClassLoader over the runtime's class loader and how many compiles it served. */
    private static final class PooledIClassLoader {
        final IClassLoader loader = new ClassLoaderIClassLoader(PARENT);
        int uses;
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
