package io.sluice.compiler.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, taken from the README itself, compiles (javac) and gives what it says. */
class ReadmeExampleTest {
    @Test
    void theReadmeEmbeddingExampleCompilesAndRuns(@TempDir final Path tmp) throws Exception {
        Path readme = Path.of("README.md").toAbsolutePath();
        while (!Files.isRegularFile(readme) && readme.getParent().getParent() != null) {
            readme = readme.getParent().getParent().resolve("README.md");
        }
        final String text = Files.readString(readme);
        final int section = text.indexOf("## Embedding in a Java program");
        final int start = text.indexOf("```java\n", section) + "```java\n".length();
        final String source = text.substring(start, text.indexOf("\n```", start));
        final Path file = tmp.resolve("EmbeddingExample.java");
        Files.writeString(file, source);
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        final int rc = javac.run(null, diagnostics, diagnostics, "-d", tmp.toString(), "-cp",
            System.getProperty("java.class.path"), file.toString());
        assertThat(rc).as(diagnostics.toString()).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            final List<String> results = (List<String>) loader.loadClass("EmbeddingExample").getMethod("run").invoke(null);
            final String promised = source.substring(source.indexOf("// [") + 3, source.indexOf("]", source.indexOf("// [")) + 1);
            assertThat(results.toString()).isEqualTo(promised);
        }
    }
}
