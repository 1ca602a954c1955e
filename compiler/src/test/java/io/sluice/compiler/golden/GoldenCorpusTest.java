package io.sluice.compiler.golden;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract: every case of test-corpus/ runs through the compiler and runtime at every batch
 * size of {@link GoldenRunner#BATCH_SIZES} and gives its expected output or error.
 */
class GoldenCorpusTest {
    private static final Path CORPUS = GoldenCorpus.locate();

    @TestFactory
    Stream<DynamicTest> everyCaseGivesItsExpectedResult() {
        return GoldenCorpus.cases(CORPUS).stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            final GoldenRunner.Outcome outcome = GoldenRunner.runCase(dir);
            assertThat(outcome.failure()).as("golden case %s", dir.getFileName()).isEmpty();
        }));
    }

    @Test
    void corpusHasTheCasesTheFoundationPromises() {
        final List<Path> cases = GoldenCorpus.cases(CORPUS);
        final long errors = cases.stream().filter(c -> Files.isRegularFile(c.resolve(GoldenCorpus.EXPECTED_ERROR))).count();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        assertThat(errors).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aWrongExpectedOutputFailsWithADiff(@org.junit.jupiter.api.io.TempDir final Path tmp) throws Exception {
        final Path source = CORPUS.resolve("tumble-count-by-symbol");
        final Path copy = tmp.resolve("tumble-count-by-symbol");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(source)) {
            for (final Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        final Path expected = copy.resolve(GoldenCorpus.EXPECTED);
        Files.writeString(expected, Files.readString(expected).replace(",2,30", ",2,31"));
        final GoldenRunner.Outcome outcome = GoldenRunner.runCase(copy);
        assertThat(outcome.failure()).hasValueSatisfying(f -> assertThat(f).contains("rows differ").contains("31"));
    }
}
