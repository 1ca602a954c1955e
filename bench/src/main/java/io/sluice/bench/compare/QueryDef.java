package io.sluice.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark query: its folder in bench/queries/ holds the query for each engine
 * ({@code sluice.sql} with its CREATE TABLE; {@code duckdb.sql} over {@code ${source}};
 * {@code calcite.sql} over {@code ${table}}; {@code flink.sql} with a filesystem table at
 * {@code ${path}}), and the table it reads.
 */
record QueryDef(String name, Workloads data, String title, String sluiceSql, String duckDbSql, String calciteSql,
                String flinkSql, boolean flinkInQuick) {

    /** The queries, in report order. */
    static List<QueryDef> load(final Path queries) throws IOException {
        final List<QueryDef> all = new ArrayList<>();
        all.add(read(queries, "velo_select", Workloads.STREAM, "Velostream: SELECT with a filter", false));
        all.add(read(queries, "velo_groupby", Workloads.STREAM, "Velostream: GROUP BY group_id, COUNT, SUM", true));
        all.add(read(queries, "velo_tumble", Workloads.STREAM,
            "Velostream: 1-minute TUMBLE + GROUP BY group_id, COUNT, SUM", true));
        all.add(read(queries, "trades_ohlc", Workloads.TRADES,
            "Trades: 1-minute TUMBLE per symbol, COUNT, SUM, MIN, MAX, AVG", false));
        all.add(read(queries, "nexmark_q0", Workloads.BID, "Nexmark q0: pass through", false));
        all.add(read(queries, "nexmark_q1", Workloads.BID, "Nexmark q1: currency conversion", false));
        all.add(read(queries, "nexmark_q2", Workloads.BID, "Nexmark q2: selection (auction % 123 = 0)", false));
        return all;
    }

    private static QueryDef read(final Path queries, final String name, final Workloads data, final String title,
                                 final boolean flinkInQuick) throws IOException {
        final Path dir = queries.resolve(name);
        return new QueryDef(name, data, title, text(dir.resolve("sluice.sql")), text(dir.resolve("duckdb.sql")),
            text(dir.resolve("calcite.sql")), Files.exists(dir.resolve("flink.sql")) ? text(dir.resolve("flink.sql")) : null,
            flinkInQuick);
    }

    private static String text(final Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8).strip();
    }

    /** The SQL without comment lines and a trailing ';'. */
    static String body(final String sql) {
        final StringBuilder b = new StringBuilder();
        for (final String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        String s = b.toString().strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
