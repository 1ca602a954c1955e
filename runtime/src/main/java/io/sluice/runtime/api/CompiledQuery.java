package io.sluice.runtime.api;

import io.sluice.runtime.kernel.KernelClasses;
import io.sluice.runtime.kernel.KernelFactory;
import io.sluice.runtime.state.MemoryBudget;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * A query compiled to a kernel, ready to run: its {@link QueryPlan} and the factory of its kernel
 * instances. Made by the compiler ({@code Sluice.compile(sql)}), or loaded from a runnable artifact
 * ({@link #load(Path)}) with only the runtime on the class path.
 *
 * <p>Thread-safety: immutable and shareable; each {@link #open} session is single-threaded.
 */
public final class CompiledQuery {
    /** Where an artifact keeps its plan. */
    public static final String PLAN_ENTRY = "META-INF/sluice/plan.properties";
    /** Package of generated classes in an artifact. */
    public static final String GENERATED_PREFIX = "io/sluice/generated/";

    private final QueryPlan plan;
    private final KernelFactory kernels;

    public CompiledQuery(final QueryPlan plan, final KernelFactory kernels) {
        this.plan = plan;
        this.kernels = kernels;
    }

    public QueryPlan plan() {
        return plan;
    }

    public KernelFactory kernels() {
        return kernels;
    }

    /** A session pushing rows from this thread, with default batch size and state memory limit. */
    public QuerySession open(final ResultCallback callback) {
        return open(callback, 4096, MemoryBudget.DEFAULT_LIMIT);
    }

    /**
     * A session pushing rows from this thread.
     *
     * @param batchSize      rows buffered before they run through the kernel
     * @param maxStateMemory bytes of aggregation state allowed
     */
    public QuerySession open(final ResultCallback callback, final int batchSize, final long maxStateMemory) {
        return open(callback, batchSize, maxStateMemory, true);
    }

    /**
     * A session pushing rows from this thread.
     *
     * @param batchSize      rows buffered before they run through the kernel
     * @param maxStateMemory bytes of aggregation state allowed
     * @param simd           run the kernel's SIMD twin (when the Vector API is available) or, when
     *                       false, its scalar twin; the results are the same
     */
    public QuerySession open(final ResultCallback callback, final int batchSize, final long maxStateMemory,
                             final boolean simd) {
        return new QuerySession(this, callback, batchSize, maxStateMemory, simd);
    }

    /**
     * Loads a runnable artifact written by {@code sluice compile}: its plan and kernel classes, in a
     * class loader of their own (parent: the runtime's).
     *
     * @throws ArtifactException with a one-line reason for a missing, foreign or corrupt file
     */
    public static CompiledQuery load(final Path jar) throws ArtifactException {
        if (!Files.isRegularFile(jar)) {
            throw new ArtifactException(jar + ": no such file");
        }
        final QueryPlan plan;
        final Map<String, byte[]> classes = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            final JarEntry planEntry = file.getJarEntry(PLAN_ENTRY);
            if (planEntry == null) {
                throw new ArtifactException(jar + ": not a Sluice query artifact (no " + PLAN_ENTRY + ")");
            }
            try (InputStream in = file.getInputStream(planEntry)) {
                plan = QueryPlan.fromProperties(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            final Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                final JarEntry e = entries.nextElement();
                if (e.getName().startsWith(GENERATED_PREFIX) && e.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(e)) {
                        final String name = e.getName().substring(0, e.getName().length() - 6).replace('/', '.');
                        classes.put(name, in.readAllBytes());
                    }
                }
            }
        } catch (final ZipException e) {
            throw new ArtifactException(jar + ": not a jar file (" + e.getMessage() + ")");
        } catch (final IOException e) {
            throw new ArtifactException(jar + ": cannot read: " + e.getMessage());
        } catch (final IllegalArgumentException e) {
            throw new ArtifactException(jar + ": " + e.getMessage());
        }
        return define(jar.toString(), plan, classes);
    }

    /** The query of the artifact this class runs in (its own jar), for the artifact's main class. */
    public static CompiledQuery loadFromClassPath() throws ArtifactException {
        final ClassLoader loader = CompiledQuery.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(PLAN_ENTRY)) {
            if (in == null) {
                throw new ArtifactException("no " + PLAN_ENTRY + " on the class path: not started from a Sluice artifact");
            }
            final QueryPlan plan = QueryPlan.fromProperties(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new CompiledQuery(plan, KernelClasses.factory(Class.forName(plan.kernelClass(), true, loader)));
        } catch (final IOException | ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
            throw new ArtifactException("cannot load the query of this artifact: " + e.getMessage());
        }
    }

    private static CompiledQuery define(final String source, final QueryPlan plan, final Map<String, byte[]> classes)
        throws ArtifactException {
        if (!classes.containsKey(plan.kernelClass())) {
            throw new ArtifactException(source + ": the kernel class " + plan.kernelClass() + " is missing");
        }
        final ClassLoader loader = new GeneratedClassLoader(classes, CompiledQuery.class.getClassLoader());
        try {
            return new CompiledQuery(plan, KernelClasses.factory(Class.forName(plan.kernelClass(), true, loader)));
        } catch (final ClassNotFoundException | LinkageError | IllegalArgumentException e) {
            throw new ArtifactException(source + ": corrupt kernel class " + plan.kernelClass() + " (" + e + ")");
        }
    }

    /** Defines the generated classes of one artifact; holds nothing else. */
    private static final class GeneratedClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        GeneratedClassLoader(final Map<String, byte[]> classes, final ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(final String name) throws ClassNotFoundException {
            final byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
