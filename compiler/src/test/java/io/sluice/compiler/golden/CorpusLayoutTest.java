package io.sluice.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Checks that every corpus case folder follows test-corpus/README.md's layout. */
class CorpusLayoutTest {

    @TestFactory
    Stream<DynamicTest> everyCaseIsWellFormed() {
        List<Path> cases = GoldenCorpus.cases(GoldenCorpus.locate());
        assertThat(cases).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        boolean hasExpected = Files.isRegularFile(dir.resolve(GoldenCorpus.EXPECTED));
        boolean hasError = Files.isRegularFile(dir.resolve(GoldenCorpus.EXPECTED_ERROR));
        assertThat(hasExpected ^ hasError)
                .as(name + ": exactly one of expected.csv and expected-error.txt").isTrue();
        assertThat(name.startsWith("error-")).as(name + ": error cases are named error-...")
                .isEqualTo(hasError);
        String query = Files.readString(dir.resolve(GoldenCorpus.QUERY), StandardCharsets.UTF_8);
        assertThat(query).as(name + ": query.sql starts with a -- comment").startsWith("--");
        if (hasError) {
            List<String> lines = Files.readAllLines(dir.resolve(GoldenCorpus.EXPECTED_ERROR));
            assertThat(lines).as(name + ": expected-error.txt is one line").hasSize(1);
            // a failing expression has a row (file:line) but no single column
            assertThat(lines.getFirst()).as(name + ": file:line[:column]: message")
                    .matches("[^:\\s]+:\\d+(:\\d+)?: \\S.*");
            assertThat(dir.resolve(GoldenCorpus.DUCKDB)).doesNotExist();
        } else {
            String text = Files.readString(dir.resolve(GoldenCorpus.EXPECTED), StandardCharsets.UTF_8);
            assertThat(text).as(name + ": expected.csv uses \\n line ends").doesNotContain("\r\n");
            assertThat(text).as(name + ": expected.csv ends with a line end").endsWith("\n");
            CsvTable table = CsvTable.parse(text, name + "/" + GoldenCorpus.EXPECTED); // not ragged
            assertThat(table.toCsv()).as(name + ": expected.csv quotes exactly the fields with , \" CR LF")
                    .isEqualTo(text);
            if (!Files.isRegularFile(dir.resolve(GoldenCorpus.DUCKDB))) {
                assertThat(query).as(name + ": without duckdb.sql, query.sql says it was checked by hand")
                        .containsIgnoringCase("by hand");
            }
        }
    }
}
