package io.sluice.bench.compare;

import java.util.List;
import java.util.Locale;

/** Figures other projects published (not measured here), and the fixed text of the report. */
final class Published {
    private Published() {
    }

    /** A published figure and where it comes from. */
    record Figure(String query, String what, double rowsPerSecond, String per, String source) {
    }

    static final List<Figure> FIGURES = List.of(
        new Figure("velo_tumble", "Velostream, tumbling window + GROUP BY", 1.04e6, "as published (cores not given)",
            "Velostream's published phase result (as quoted in shared/DESIGN.md)"),
        new Figure("velo_groupby", "Velostream, GROUP BY group_id target", 1.5e6, "8 partitions (8 cores)",
            "Velostream's published target (shared/DESIGN.md); its measured figure was ~20K records/s on 8 cores"),
        new Figure("nexmark_q0", "Flink 1.13 Nexmark q0", 155.02e3, "core",
            "nexmark/nexmark README, Benchmark Results (Throughput/Cores; 8 TaskManagers x 1 slot, 100M events)"),
        new Figure("nexmark_q1", "Flink 1.13 Nexmark q1", 157.94e3, "core", "same table"),
        new Figure("nexmark_q2", "Flink 1.13 Nexmark q2", 175.21e3, "core", "same table"),
        new Figure("nexmark_q5", "Flink 1.13 Nexmark q5", 22.14e3, "core", "same table (q5 does not run on Sluice yet)"),
        new Figure("nexmark_q7", "Flink 1.13 Nexmark q7", 12.33e3, "core", "same table (q7 does not run on Sluice yet)"));

    static String markdown(final List<Measurement> measured) {
        final StringBuilder b = new StringBuilder("## Published figures (published, not measured)\n\n");
        b.append("Other projects' own numbers on their own hardware, data and settings: context, not a comparison. ")
            .append("The Flink figures are from the Nexmark project's README (events per second per core, Flink 1.13, ")
            .append("8 workers with checkpointing to RocksDB, Nexmark's generator as the source, a blackhole sink); ")
            .append("the search tool's stored web pages held no per-core Apache Flink figure, only Alibaba Cloud's ")
            .append("commercial Flink service (q0-q2 at 4 to 6.5M records/s on 8 compute units), not used here.\n\n");
        b.append("| query | figure | rows/s | per | Sluice SIMD 1 partition here (median) | source |\n");
        b.append("|---|---|---:|---|---:|---|\n");
        for (final Figure f : FIGURES) {
            String sluice = "";
            for (final Measurement m : measured) {
                if (m.query().equals(f.query()) && m.engine().equals(Compare.REFERENCE) && m.ok()) {
                    sluice = String.format(Locale.ROOT, "%,.0f", m.median());
                }
            }
            b.append("| ").append(f.query()).append(" | ").append(f.what()).append(" | ")
                .append(String.format(Locale.ROOT, "%,.0f", f.rowsPerSecond())).append(" | ").append(f.per())
                .append(" | ").append(sluice).append(" | ").append(f.source()).append(" |\n");
        }
        return b.append('\n').toString();
    }

    static final String CANNOT_RUN = """
        - Nexmark q5 (hot items): HOP windows (Sluice has TUMBLE only; HOP comes with issue 4) and a join of
          two aggregates (joins and subqueries are rejected).
        - Nexmark q7 (highest bid): a join of the bid stream with a windowed MAX (joins and subqueries are
          rejected). Its inner part, MAX(price) per 10-second TUMBLE window, would run.
        - trades OHLC open and close prices: FIRST_VALUE / LAST_VALUE (or FIRST/LAST) are not supported
          yet, so trades_ohlc measures COUNT, SUM, MIN, MAX and AVG per symbol and minute.
        - Sluice's SIMD twin differs from its scalar twin only where a query has loops in lanes (WHERE
          on numeric columns, aggregates without GROUP BY, a single NOT NULL key's hash): elsewhere the
          "SIMD" and "scalar" rows run the same code, and their spread is the noise.
        - Flink is measured end to end only (CSV file in, blackhole out); Calcite in memory only.
        """;

    static final String ENGINES = """
        - **Sluice, in-memory**: the table is turned into off-heap ColumnBatches of 4,096 rows beforehand
          (with each row's watermark, as the CSV source would set it); a run creates a kernel per
          partition, pushes every batch, advances the watermark after each batch and finishes; result rows
          go to a callback that reads every column. With 2 partitions the batches are routed beforehand by the query's routing
          (a hash of the group key's columns; whole batches round robin for a projection; all to one
          partition when there is no key) and two threads run one kernel each: routing is not timed.
        - **Sluice, CSV end-to-end**: the runtime's QueryRunner, as `sluice run` runs it: CSV decoding,
          routing to partitions (2: one reader thread + 2 workers), kernels, CSV output to a file.
        - **DuckDB, in-memory**: the table loaded into the embedded database beforehand; the query's rows are
          read through JDBC (every column of every row). **CSV end-to-end**: `COPY (query over read_csv(...))
          TO 'out.csv'`. `SET threads` = 1 or 2.
        - **Calcite**: `jdbc:calcite:` Enumerable execution over a ScannableTable of the same Java arrays
          (one Object[] per row); the statement is prepared once.
        - **hand-written Java**: a loop over the arrays with a HashMap of accumulator objects per group.
        - **Flink**: Flink SQL 2.3.0 in streaming mode on a local MiniCluster (2 slots) in its own JVM,
          filesystem CSV source, mini-batch on (2 s, 5,000 rows, as in Nexmark's setup); timed into a
          blackhole sink, job submission to the already running cluster included.
        """;
}
