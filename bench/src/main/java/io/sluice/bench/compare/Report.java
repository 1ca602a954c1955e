package io.sluice.bench.compare;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown report, its CSV twin and the chart. */
final class Report {
    private final Compare.Options options;
    final List<Measurement> rows = new ArrayList<>();
    final Map<String, String> cannotRun = new LinkedHashMap<>();
    final Map<String, Integer> resultRows = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    double loadBefore;
    double loadAfter;
    double elapsedSeconds;
    int flinkWarmup;
    int flinkReps;

    Report(final Compare.Options options) {
        this.options = options;
    }

    void add(final Measurement m) {
        rows.add(m);
    }

    void cannotRun(final QueryDef q, final String why) {
        cannotRun.put(q.name(), why);
    }

    static String hostname() {
        try {
            final String h = InetAddress.getLocalHost().getHostName();
            return h.replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (final IOException e) {
            return "unknown";
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String cpuModel() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (final IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String rate(final double r) {
        if (r >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", r / 1e6);
        }
        if (r >= 1e3) {
            return String.format(Locale.ROOT, "%.1fK", r / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", r);
    }

    private String reproduce(final Measurement m) {
        final boolean flink = m.engine().startsWith("flink");
        return "`" + options.command + (options.quick ? " --quick" : "") + " --rows " + options.rows + " --seed "
            + options.seed + (flink || options.quick ? "" : " --warmup " + options.warmup + " --warmup-seconds "
            + options.warmupSeconds + " --reps " + options.reps) + " --query " + m.query() + " --engine " + m.engine() + "`";
    }

    /** The Sluice row a measurement is compared with: SIMD, 1 partition, same mode (in-memory when none). */
    private Measurement sluiceFor(final Measurement m) {
        final String id = "sluice-simd-" + (m.mode().equals("CSV end-to-end") ? "csv" : "mem") + "-1p";
        for (final Measurement s : rows) {
            if (s.query().equals(m.query()) && s.engine().equals(id) && s.ok()) {
                return s;
            }
        }
        for (final Measurement s : rows) {
            if (s.query().equals(m.query()) && s.engine().equals(Compare.REFERENCE) && s.ok()) {
                return s;
            }
        }
        return null;
    }

    Path write(final Path dir, final String date) throws IOException {
        Files.createDirectories(dir);
        // a run limited to some queries or engines does not replace the day's complete report
        final boolean partial = !options.queries.isEmpty() || !options.engines.isEmpty();
        final String base = date + "-" + options.machine + (options.quick ? "-quick" : "") + (partial ? "-partial" : "");
        final Path md = dir.resolve(base + ".md");
        final Path png = dir.resolve(base + ".png");
        final Path csv = dir.resolve(base + ".csv");
        Chart.write(rows, png);
        Files.writeString(csv, csv(), StandardCharsets.UTF_8);
        Files.writeString(md, markdown(base, png.getFileName().toString()), StandardCharsets.UTF_8);
        return md;
    }

    /** Median rows/s, queries down, engines across (the scalar twins left out). */
    String summary() {
        final List<String> queries = new ArrayList<>();
        final List<String> engines = new ArrayList<>();
        for (final Measurement m : rows) {
            if (!queries.contains(m.query())) {
                queries.add(m.query());
            }
            if (m.ok() && !engines.contains(m.engine()) && !m.engine().startsWith("sluice-scalar")) {
                engines.add(m.engine());
            }
        }
        final StringBuilder b = new StringBuilder("Median rows/s (Sluice rows: the SIMD twin, where a query has one "
            + "(see the README); `mem` in-memory, `csv` CSV end to end; `1p`/`2p`, `1t`/`2t`: partitions, threads):\n\n| query |");
        for (final String e : engines) {
            b.append(' ').append(e.replace("sluice-simd-", "sluice-")).append(" |");
        }
        b.append("\n|---|");
        b.append("---:|".repeat(engines.size()));
        b.append('\n');
        for (final String q : queries) {
            b.append("| ").append(q).append(" |");
            for (final String e : engines) {
                String cell = "";
                for (final Measurement m : rows) {
                    if (m.query().equals(q) && m.engine().equals(e)) {
                        cell = m.ok() ? rate(m.median()) : m.status();
                    }
                }
                b.append(' ').append(cell).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private String csv() {
        final StringBuilder b = new StringBuilder(
            "query,engine,mode,threads,input_rows,status,median_rows_per_s,min_rows_per_s,max_rows_per_s,runs_ns\n");
        for (final Measurement m : rows) {
            b.append(m.query()).append(',').append(m.engine()).append(',').append(m.mode()).append(',')
                .append(m.threads()).append(',').append(m.rows()).append(',').append(m.status()).append(',');
            if (m.ok()) {
                b.append(Math.round(m.median())).append(',').append(Math.round(m.min())).append(',')
                    .append(Math.round(m.max())).append(',')
                    .append(String.join(" ", m.nanos().stream().map(String::valueOf).toList()));
            } else {
                b.append(",,,");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private String markdown(final String base, final String png) {
        final StringBuilder b = new StringBuilder();
        final int cores = Runtime.getRuntime().availableProcessors();
        b.append("# Sluice peer comparison: ").append(base).append("\n\n");
        b.append("Measured ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
            .append(" UTC on `").append(options.machine).append("`: ").append(cpuModel()).append(", ").append(cores)
            .append(" cores, ").append(Runtime.getRuntime().maxMemory() >> 30).append(" GiB max heap; JDK ")
            .append(System.getProperty("java.version")).append(". Load average ")
            .append(String.format(Locale.ROOT, "%.1f", loadBefore)).append(" at the start, ")
            .append(String.format(Locale.ROOT, "%.1f", loadAfter)).append(" at the end; the whole run took ")
            .append(String.format(Locale.ROOT, "%.0f", elapsedSeconds)).append(" s.\n\n");
        // the load before the run is other processes'; the load at its end is mostly the harness's own
        // (its 2-thread engines), so it does not say the machine was shared
        if (loadBefore > cores * 0.75) {
            b.append("**Measured under load**: the load average before the run was above 75% of the machine's ")
                .append(cores).append(" cores, so other processes shared the CPUs; these figures are not trustworthy as absolute ")
                .append("numbers, and ratios between engines measured minutes apart are noisy too. ")
                .append("Re-run on a quiet machine before quoting them.\n\n");
        }
        if (!options.note.isBlank()) {
            b.append(options.note).append("\n\n");
        }
        b.append("- Data: `sluice gen` with seed ").append(options.seed).append(", ")
            .append(String.format(Locale.ROOT, "%,d", options.rows))
            .append(" rows of `stream` and `trades`, and ").append(String.format(Locale.ROOT, "%,d", options.rows))
            .append(" Nexmark events (92% bids: the Nexmark queries read `bid.csv`).\n");
        b.append("- Runs: per engine and query, warm-up runs until at least ").append(options.warmup)
            .append(" and ").append(options.warmupSeconds).append(" s of them, then ").append(options.reps)
            .append(" timed runs, all in the harness's JVM (Flink: its own JVM, ")
            .append(flinkWarmup == 0 ? "the collecting check run as the only warm-up" : flinkWarmup + " warm-up runs")
            .append(", ").append(flinkReps).append(" timed runs). rows/s = input rows of the query's table / wall time ")
            .append("of one run; median, min and max over the timed runs. \"vs Sluice\" = median / median of Sluice ")
            .append("SIMD 1 partition in the same mode.")
            .append(options.twins ? "" : " Sluice's scalar twins were not run (--twins runs them).")
            .append('\n');
        b.append("- Correctness first: before timing, every engine's result was compared with Sluice's in-memory ")
            .append("1-partition result (Sluice's GROUP BY changelog applied; rows sorted on every column; DOUBLE within ")
            .append("a relative ").append(ResultTable.RELATIVE_TOLERANCE).append("). A mismatch fails the run.\n");
        b.append("- Reproduce all: `").append(options.command).append(options.quick ? " --quick" : "")
            .append(options.quick ? "" : " --rows " + options.rows).append("`; each row's command is in its table.\n\n");
        b.append(summary()).append('\n');
        b.append("![rows per second, median, log scale](").append(png).append(")\n\n");

        final List<String> queries = new ArrayList<>();
        for (final Measurement m : rows) {
            if (!queries.contains(m.query())) {
                queries.add(m.query());
            }
        }
        for (final String q : queries) {
            b.append("## ").append(q).append("\n\n");
            b.append("Queries: [`bench/queries/").append(q).append("/`](../queries/").append(q).append("/)");
            if (resultRows.containsKey(q)) {
                b.append(String.format(Locale.ROOT, "; result: %,d rows", resultRows.get(q)));
            }
            b.append(".\n\n");
            b.append("| engine | mode | threads | median rows/s | min | max | vs Sluice | reproduce |\n");
            b.append("|---|---|---:|---:|---:|---:|---:|---|\n");
            for (final Measurement m : rows) {
                if (!m.query().equals(q)) {
                    continue;
                }
                b.append("| ").append(m.label()).append(" | ").append(m.mode()).append(" | ").append(m.threads())
                    .append(" | ");
                if (m.ok()) {
                    final Measurement s = sluiceFor(m);
                    b.append(rate(m.median())).append(" | ").append(rate(m.min())).append(" | ").append(rate(m.max()))
                        .append(" | ").append(s == null ? "" : String.format(Locale.ROOT, "%.2f", m.median() / s.median()))
                        .append(" | ").append(reproduce(m)).append(" |\n");
                } else {
                    b.append("**").append(m.status()).append("** | | | | ").append(m.note().replace("|", "\\|")
                        .replace("\n", " ")).append(" |\n");
                }
            }
            b.append('\n');
        }
        b.append(Published.markdown(rows));
        b.append("## Cannot run yet\n\n");
        for (final Map.Entry<String, String> e : cannotRun.entrySet()) {
            b.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n');
        }
        b.append(Published.CANNOT_RUN);
        b.append("\n## Engines\n\n").append(Published.ENGINES);
        for (final String n : notes) {
            b.append("- ").append(n).append('\n');
        }
        return b.toString();
    }
}
