package io.sluice.compiler.fuzz;

import io.sluice.compiler.golden.CsvTable;
import io.sluice.compiler.golden.ValueComparison;
import io.sluice.compiler.golden.ValueType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference engine: an embedded, single-threaded DuckDB with the macros of {@link ExprGen},
 * and its optimizer off. Sluice evaluates every operation as written, row by row, so an overflow in
 * {@code -x BETWEEN 0 AND 0} is an error; DuckDB's optimizer rewrites that to {@code x = 0} and
 * the error disappears. Without the optimizer DuckDB also evaluates as written.
 */
final class DuckDb implements AutoCloseable {
    /** Text Sluice's CAST to DOUBLE accepts (Java's Double.parseDouble, decimal forms only). */
    private static final String DOUBLE_TEXT = " *[+-]?(NaN|Infinity|([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?) *";

    /** Session settings, before the macros. */
    static final List<String> SETUP = List.of("SET threads = 1", "PRAGMA disable_optimizer");

    /** Sluice's decided semantics where DuckDB's differ, and their lenient twins; see {@link ExprGen}. */
    static final List<String> MACROS = List.of(
        "CREATE OR REPLACE MACRO sdiv(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL "
            + "WHEN b = 0 THEN error('division by zero') ELSE a // b END",
        "CREATE OR REPLACE MACRO smod(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL "
            + "WHEN b = 0 THEN error('division by zero') WHEN b = -1 THEN a - a ELSE a % b END",
        "CREATE OR REPLACE MACRO sand(a, b) AS CASE WHEN a IS FALSE THEN false WHEN b IS FALSE THEN false "
            + "WHEN a IS NULL OR b IS NULL THEN NULL ELSE true END",
        "CREATE OR REPLACE MACRO sor(a, b) AS CASE WHEN a IS TRUE THEN true WHEN b IS TRUE THEN true "
            + "WHEN a IS NULL OR b IS NULL THEN NULL ELSE false END",
        "CREATE OR REPLACE MACRO s_bigint(s) AS CASE WHEN s IS NULL THEN NULL "
            + "WHEN regexp_full_match(s, ' *[+-]?[0-9]+ *') THEN CAST(s AS BIGINT) ELSE error('cannot cast') END",
        "CREATE OR REPLACE MACRO s_int(s) AS CASE WHEN s IS NULL THEN NULL "
            + "WHEN regexp_full_match(s, ' *[+-]?[0-9]+ *') THEN CAST(s AS INTEGER) ELSE error('cannot cast') END",
        "CREATE OR REPLACE MACRO s_double(s) AS CASE WHEN s IS NULL THEN NULL "
            + "WHEN regexp_full_match(s, '" + DOUBLE_TEXT + "') THEN CAST(s AS DOUBLE) ELSE error('cannot cast') END",
        "CREATE OR REPLACE MACRO d_bigint(x) AS CAST(trunc(x) AS BIGINT)",
        "CREATE OR REPLACE MACRO d_int(x) AS CAST(trunc(x) AS INTEGER)",
        "CREATE OR REPLACE MACRO i_int(x) AS CAST(x AS INTEGER)",
        // lenient: a failing operation gives 0 (a NULL operand still gives NULL)
        "CREATE OR REPLACE MACRO l_add(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE coalesce(TRY(a + b), 0) END",
        "CREATE OR REPLACE MACRO l_sub(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE coalesce(TRY(a - b), 0) END",
        "CREATE OR REPLACE MACRO l_mul(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE coalesce(TRY(a * b), 0) END",
        "CREATE OR REPLACE MACRO l_div(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN b = 0 THEN a - a "
            + "ELSE coalesce(TRY(a // b), 0) END",
        "CREATE OR REPLACE MACRO l_mod(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN b = 0 OR b = -1 THEN a - a "
            + "ELSE a % b END",
        "CREATE OR REPLACE MACRO l_neg(a) AS CASE WHEN a IS NULL THEN NULL ELSE coalesce(TRY(-a), 0) END",
        "CREATE OR REPLACE MACRO ls_bigint(s) AS CASE WHEN s IS NULL THEN NULL "
            + "WHEN regexp_full_match(s, ' *[+-]?[0-9]+ *') THEN coalesce(TRY(CAST(s AS BIGINT)), 0) ELSE 0 END",
        "CREATE OR REPLACE MACRO ls_int(s) AS CASE WHEN s IS NULL THEN NULL "
            + "WHEN regexp_full_match(s, ' *[+-]?[0-9]+ *') THEN coalesce(TRY(CAST(s AS INTEGER)), 0) ELSE 0 END",
        "CREATE OR REPLACE MACRO ls_double(s) AS CASE WHEN s IS NULL THEN NULL "
            + "WHEN regexp_full_match(s, '" + DOUBLE_TEXT + "') THEN CAST(s AS DOUBLE) ELSE CAST(0 AS DOUBLE) END",
        "CREATE OR REPLACE MACRO ld_bigint(x) AS CASE WHEN x IS NULL THEN NULL "
            + "ELSE coalesce(TRY(CAST(trunc(x) AS BIGINT)), 0) END",
        "CREATE OR REPLACE MACRO ld_int(x) AS CASE WHEN x IS NULL THEN NULL "
            + "ELSE coalesce(TRY(CAST(trunc(x) AS INTEGER)), 0) END",
        "CREATE OR REPLACE MACRO li_int(x) AS CASE WHEN x IS NULL THEN NULL ELSE coalesce(TRY(CAST(x AS INTEGER)), 0) END");

    private final Connection connection;

    DuckDb() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = connection.createStatement()) {
            for (final String m : SETUP) {
                st.execute(m);
            }
            for (final String m : MACROS) {
                st.execute(m);
            }
        }
    }

    /** The outcome of a query: a table (with the comparison class of each column), or an error. */
    record Result(CsvTable table, List<ValueType> types, String error) {
    }

    void load(final FuzzTable table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (final String sql : table.duckLoad()) {
                st.execute(sql);
            }
        }
    }

    Result query(final String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            final List<ValueType> types = new ArrayList<>();
            final CsvTable table = read(rs, types);
            return new Result(table, types, null);
        } catch (final SQLException e) {
            return new Result(null, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Reads a JDBC result into text cells in the corpus' output conventions; fills {@code types}. */
    static CsvTable read(final ResultSet result, final List<ValueType> types) throws SQLException {
        final ResultSetMetaData meta = result.getMetaData();
        final int n = meta.getColumnCount();
        final List<String> header = new ArrayList<>(n);
        for (int c = 1; c <= n; c++) {
            header.add(meta.getColumnLabel(c));
            types.add(ValueType.fromSqlTypeName(meta.getColumnTypeName(c)));
        }
        final List<List<String>> rows = new ArrayList<>();
        while (result.next()) {
            final List<String> row = new ArrayList<>(n);
            for (int c = 1; c <= n; c++) {
                final Object value = result.getObject(c);
                if (value == null) {
                    row.add(null);
                    continue;
                }
                row.add(switch (types.get(c - 1)) {
                    case INTEGER, DOUBLE -> value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
                    case BOOLEAN -> Boolean.toString(result.getBoolean(c));
                    case TIMESTAMP -> ValueComparison.formatTimestamp(result.getObject(c, LocalDateTime.class));
                    case STRING -> result.getString(c);
                });
            }
            rows.add(row);
        }
        return CsvTable.of(header, rows);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
