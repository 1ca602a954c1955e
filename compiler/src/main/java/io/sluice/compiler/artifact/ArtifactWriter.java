package io.sluice.compiler.artifact;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.codegen.KernelCompiler;
import io.sluice.runtime.api.QueryPlan;
import io.sluice.runtime.cli.ArtifactMain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a runnable artifact: one jar with the runtime's classes and its small libraries (Agrona,
 * HdrHistogram, picocli), the query's generated kernel classes (already compiled bytecode), the
 * plan, and a manifest whose main class is {@link ArtifactMain}. No Calcite, Janino, ASM or
 * FreeMarker class goes in: they are not in the copied packages.
 */
public final class ArtifactWriter {
    /** A class whose code source (jar or folder) holds a package tree to copy, and that tree. */
    private record Library(String anchorClass, String prefix) {
    }

    private static final List<Library> RUNTIME = List.of(
        new Library("io.sluice.runtime.api.CompiledQuery", "io/sluice/runtime/"),
        new Library("org.agrona.concurrent.UnsafeBuffer", "org/agrona/"),
        new Library("org.HdrHistogram.Histogram", "org/HdrHistogram/"),
        new Library("picocli.CommandLine", "picocli/"));

    private ArtifactWriter() {
    }

    /** What was written. */
    public record Written(Path path, int entries, long bytes) {
    }

    public static Written write(final CompiledQuery query, final Path out) throws IOException {
        final QueryPlan plan = query.queryPlan();
        final Manifest manifest = new Manifest();
        final Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, ArtifactMain.class.getName());
        main.putValue("Add-Exports", "java.base/jdk.internal.misc");
        main.putValue("Enable-Native-Access", "ALL-UNNAMED");
        main.putValue("Created-By", "Sluice");
        main.putValue("Sluice-Kernel", plan.kernelClass());
        final Set<String> names = new HashSet<>();
        int entries = 0;
        final Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(tmp);
             JarOutputStream jar = new JarOutputStream(file, manifest)) {
            entries += put(jar, names, "META-INF/sluice/", new byte[0]);
            entries += put(jar, names, io.sluice.runtime.api.CompiledQuery.PLAN_ENTRY,
                plan.toProperties().getBytes(StandardCharsets.UTF_8));
            for (final Map.Entry<String, byte[]> c : KernelCompiler.bytecode(query.kernel()).entrySet()) {
                entries += put(jar, names, c.getKey().replace('.', '/') + ".class", c.getValue());
            }
            for (final Library library : RUNTIME) {
                entries += copy(jar, names, library);
            }
        } catch (final IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Written(out, entries, Files.size(out));
    }

    private static int put(final JarOutputStream jar, final Set<String> names, final String name, final byte[] bytes)
        throws IOException {
        if (!names.add(name)) {
            return 0;
        }
        jar.putNextEntry(new JarEntry(name));
        jar.write(bytes);
        jar.closeEntry();
        return 1;
    }

    /** Copies the library's package tree from wherever its anchor class was loaded (a jar or a folder). */
    private static int copy(final JarOutputStream jar, final Set<String> names, final Library library) throws IOException {
        final Path source;
        try {
            source = Path.of(Class.forName(library.anchorClass()).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (final ClassNotFoundException | URISyntaxException | NullPointerException e) {
            throw new IOException("cannot locate the classes of " + library.anchorClass() + ": " + e, e);
        }
        int copied = 0;
        if (Files.isDirectory(source)) {
            final Path root = source.resolve(library.prefix());
            try (Stream<Path> files = Files.walk(root)) {
                for (final Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    copied += put(jar, names, source.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            return copied;
        }
        try (JarFile from = new JarFile(source.toFile())) {
            final Enumeration<JarEntry> all = from.entries();
            while (all.hasMoreElements()) {
                final JarEntry e = all.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(library.prefix())) {
                    try (InputStream in = from.getInputStream(e)) {
                        copied += put(jar, names, e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return copied;
    }
}
