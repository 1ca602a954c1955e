package io.sluice.compiler.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Verifies the corpus' expected outputs independently: for every case with a {@code duckdb.sql},
 * runs that script on an in-memory DuckDB and compares the result of its last statement with the
 * case's {@code expected.csv} (a changelog is applied first), as multisets of typed values.
 *
 * <p>In {@code duckdb.sql}, {@code ${dir}} stands for the case folder's absolute path.
 */
class DuckDbCrossCheckTest {

    @TestFactory
    Stream<DynamicTest> duckDbAgreesWithExpectedOutput() {
        Path root = GoldenCorpus.locate();
        List<Path> cases = GoldenCorpus.cases(root).stream()
                .filter(dir -> Files.isRegularFile(dir.resolve(GoldenCorpus.DUCKDB)))
                .toList();
        assertThat(cases).as("cases with a duckdb.sql under " + root).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                dir.resolve(GoldenCorpus.DUCKDB).toUri(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException, SQLException {
        assertThat(dir.resolve(GoldenCorpus.EXPECTED))
                .as("a case with duckdb.sql needs an expected.csv").isRegularFile();
        CsvTable expected = CsvTable.read(dir.resolve(GoldenCorpus.EXPECTED));
        String script = Files.readString(dir.resolve(GoldenCorpus.DUCKDB), StandardCharsets.UTF_8)
                .replace("${dir}", dir.toAbsolutePath().toString().replace("'", "''"));
        List<String> statements = SqlScript.split(script);
        assertThat(statements).as("statements of duckdb.sql").isNotEmpty();

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = 1");
            for (String sql : statements.subList(0, statements.size() - 1)) {
                statement.execute(sql);
            }
            List<ValueType> types = new ArrayList<>();
            CsvTable actual;
            try (ResultSet result = statement.executeQuery(statements.getLast())) {
                actual = read(result, types);
            }
            Optional<String> mismatch = TableComparison.compare(expected, actual, types);
            if (mismatch.isPresent()) {
                fail(dir.getFileName() + ": DuckDB disagrees with " + GoldenCorpus.EXPECTED
                        + (expected.isChangelog() ? " (changelog applied)" : "") + "\n"
                        + mismatch.get());
            }
        }
    }

    /** Reads a JDBC result into text cells in the corpus' output conventions; fills {@code types}. */
    static CsvTable read(ResultSet result, List<ValueType> types) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        int n = meta.getColumnCount();
        List<String> header = new ArrayList<>(n);
        for (int c = 1; c <= n; c++) {
            header.add(meta.getColumnLabel(c));
            types.add(ValueType.fromSqlTypeName(meta.getColumnTypeName(c)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (result.next()) {
            List<String> row = new ArrayList<>(n);
            for (int c = 1; c <= n; c++) {
                row.add(cell(result, c, types.get(c - 1)));
            }
            rows.add(row);
        }
        return CsvTable.of(header, rows);
    }

    private static String cell(ResultSet result, int column, ValueType type) throws SQLException {
        Object value = result.getObject(column);
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER, DOUBLE -> value instanceof java.math.BigDecimal d ? d.toPlainString()
                    : value instanceof Float f ? Double.toString(f) : value.toString();
            case BOOLEAN -> Boolean.toString(result.getBoolean(column));
            case TIMESTAMP -> ValueComparison.formatTimestamp(result.getObject(column, LocalDateTime.class));
            case STRING -> result.getString(column);
        };
    }
}
