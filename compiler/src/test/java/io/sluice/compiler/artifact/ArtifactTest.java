package io.sluice.compiler.artifact;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.cli.QueryFile;
import io.sluice.compiler.golden.CsvTable;
import io.sluice.compiler.golden.GoldenCorpus;
import io.sluice.compiler.golden.TableComparison;
import io.sluice.compiler.golden.ValueType;
import io.sluice.runtime.api.ArtifactException;
import io.sluice.runtime.api.QuerySession;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.type.Column;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runnable artifacts: a representative subset of the golden corpus compiled with
 * {@code sluice compile} and run with {@code java -jar} in a fresh JVM (no compiler on its class
 * path) gives the expected output or error; the jar holds no compiler library; a foreign or corrupt
 * file is refused with a clear message.
 */
class ArtifactTest {
    private static final Path CORPUS = GoldenCorpus.locate();
    /** One case per kernel shape and feature: windows, late rows, changelog + HAVING, NULLs, skip policy, errors. */
    private static final List<String> SUBSET = List.of("example-trades-ohlc", "tumble-late-row-dropped", "groupby-having",
        "groupby-nulls", "project-case-cast", "csv-quoting-null-vs-empty", "bad-rows-skipped",
        "multi-file-ended-file-stops-holding-watermark", "error-csv-bad-number", "error-integer-division-by-zero");

    @TestFactory
    Stream<DynamicTest> corpusCasesRunThroughAnArtifactInAFreshJvm(@TempDir final Path tmp) {
        return SUBSET.stream().map(name -> DynamicTest.dynamicTest(name, () -> runCase(CORPUS.resolve(name), tmp, true)));
    }

    /**
     * Without --input the artifact reads the table's declared 'path' relative to its working
     * directory, a glob included, as {@code sluice run} does relative to the query's folder.
     */
    @Test
    void anArtifactReadsTheFilesItsDeclaredGlobMatches(@TempDir final Path tmp) throws Exception {
        runCase(CORPUS.resolve("multi-file-ended-file-stops-holding-watermark"), tmp, false);
    }

    private static void runCase(final Path dir, final Path tmp, final boolean inputFlags) throws Exception {
        final QueryFile file = QueryFile.read(dir.resolve("query.sql"), "query.sql");
        final CompiledQuery compiled = file.compile();
        final Path jar = tmp.resolve(dir.getFileName() + ".jar");
        ArtifactWriter.write(compiled, jar);
        assertNoCompilerClasses(jar);

        final SourceSpec source = file.source(compiled, List.of());
        final Path output = tmp.resolve(dir.getFileName() + ".out.csv");
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", jar.toString(), "--output", output.toString(), "--partitions", "2",
            "--rejects", tmp.resolve("rejects.csv").toString()));
        for (final Path p : inputFlags ? source.paths() : List.<Path>of()) {
            command.add("--input");
            command.add(compiled.plan().table().name() + "=" + p);
        }
        final Properties options = new Properties();
        if (Files.isRegularFile(dir.resolve("options.properties"))) {
            try (var in = Files.newBufferedReader(dir.resolve("options.properties"))) {
                options.load(in);
            }
        }
        if (options.getProperty("on-bad-row") != null) {
            command.add("--on-bad-row");
            command.add(options.getProperty("on-bad-row"));
        }
        final Process process = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        final int exit = process.waitFor();
        final Path expectedError = dir.resolve(GoldenCorpus.EXPECTED_ERROR);
        if (Files.isRegularFile(expectedError)) {
            assertThat(exit).as(err).isEqualTo(1);
            // the artifact names input files as given on its command line: compare the message after it
            final String expected = Files.readString(expectedError).strip();
            assertThat(err.strip().lines().filter(l -> !l.startsWith("WARNING")).toList()).hasSize(1)
                .first().asString().endsWith(expected.substring(expected.indexOf(':')));
            return;
        }
        assertThat(exit).as(err).isZero();
        assertThat(err).contains("rows in").contains("rows out");
        final CsvTable expected = CsvTable.read(dir.resolve(GoldenCorpus.EXPECTED));
        CsvTable actual = CsvTable.read(output);
        if (actual.isChangelog()) {
            actual = io.sluice.compiler.golden.Changelog.apply(actual);
        }
        final List<ValueType> types = new ArrayList<>();
        for (final Column c : compiled.output().columns()) {
            types.add(ValueType.fromSqlTypeName(c.type().sqlName()));
        }
        final Optional<String> diff = TableComparison.compare(expected, actual, types);
        assertThat(diff).as(diff.orElse("")).isEmpty();
    }

    private static void assertNoCompilerClasses(final Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            final List<String> names = file.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/calcite/") || n.startsWith("org/codehaus/")
                || n.startsWith("org/objectweb/asm/") || n.startsWith("freemarker/") || n.startsWith("io/sluice/compiler/"));
            assertThat(names).contains("META-INF/sluice/plan.properties", "io/sluice/runtime/cli/ArtifactMain.class")
                .anyMatch(n -> n.startsWith("io/sluice/generated/") && n.endsWith(".class"));
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.sluice.runtime.cli.ArtifactMain");
            assertThat(file.getManifest().getMainAttributes().getValue("Add-Exports")).isEqualTo("java.base/jdk.internal.misc");
        }
    }

    @Test
    void aJavaProgramLoadsAnArtifactAndPushesRows(@TempDir final Path tmp) throws Exception {
        final Path jar = tmp.resolve("q.jar");
        ArtifactWriter.write(QueryFile.read(CORPUS.resolve("groupby-one-key/query.sql"), "query.sql").compile(), jar);
        final io.sluice.runtime.api.CompiledQuery query = io.sluice.runtime.api.CompiledQuery.load(jar);
        final List<String> out = new ArrayList<>();
        try (QuerySession s = query.open(row -> out.add(row.toString()))) {
            assertThat(s.inputSchema().size()).isPositive();
        }
        assertThat(query.plan().changelog()).isTrue();
        assertThat(out).isEmpty();
    }

    @Test
    void foreignOrCorruptFilesAreRefusedWithAClearMessage(@TempDir final Path tmp) throws Exception {
        final Path garbage = tmp.resolve("garbage.jar");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> io.sluice.runtime.api.CompiledQuery.load(garbage)).isInstanceOf(ArtifactException.class)
            .hasMessageContaining("not a jar file");
        final Path foreign = tmp.resolve("foreign.jar");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(foreign))) {
            jar.putNextEntry(new java.util.jar.JarEntry("hello.txt"));
            jar.write("hi".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> io.sluice.runtime.api.CompiledQuery.load(foreign)).isInstanceOf(ArtifactException.class)
            .hasMessageContaining("not a Sluice query artifact");
        final Path real = tmp.resolve("real.jar");
        ArtifactWriter.write(QueryFile.read(CORPUS.resolve("groupby-one-key/query.sql"), "query.sql").compile(), real);
        final Path corrupt = tmp.resolve("corrupt.jar");
        try (JarFile in = new JarFile(real.toFile());
             var out = new java.util.jar.JarOutputStream(Files.newOutputStream(corrupt))) {
            for (final var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                final byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("io/sluice/generated/")) {
                    bytes[8] ^= 0x55; // break the class file
                    bytes[bytes.length / 2] ^= 0x55;
                }
                out.write(bytes);
            }
        }
        assertThatThrownBy(() -> io.sluice.runtime.api.CompiledQuery.load(corrupt)).isInstanceOf(ArtifactException.class)
            .hasMessageContaining("corrupt kernel class");
        assertThatThrownBy(() -> io.sluice.runtime.api.CompiledQuery.load(tmp.resolve("none.jar")))
            .isInstanceOf(ArtifactException.class).hasMessageContaining("no such file");
    }
}
