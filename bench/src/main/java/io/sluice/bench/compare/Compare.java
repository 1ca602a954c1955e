package io.sluice.bench.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

/**
 * The peer-comparison harness: generates the workloads, runs every query on every engine over the
 * same data, checks each engine's result against Sluice's before timing it (a mismatch fails the
 * run), then times warm-up and measured repetitions and writes the report and chart.
 * Run it with bench/compare (see --help).
 */
public final class Compare {
    private Compare() {
    }

    static final class Options {
        boolean quick;
        long rows = -1;
        long seed = 42;
        int warmup = -1;
        double warmupSeconds = -1;
        int reps = -1;
        boolean twins = true;
        Set<String> queries = new LinkedHashSet<>();
        Set<String> engines = new LinkedHashSet<>();
        Path root = Path.of(".");
        Path data;
        Path results;
        Path flink;
        boolean noFlink;
        String machine;
        String note = "";
        String command = "bench/compare";

        boolean wantsEngine(final String id) {
            return engines.isEmpty() || engines.contains(id);
        }
    }

    static final String USAGE = """
        bench/compare [--quick] [--rows N] [--seed S] [--warmup W] [--warmup-seconds S] [--reps R]
                      [--query Q[,Q...]] [--engine E[,E...]] [--no-flink] [--[no-]twins] [--machine NAME]
                      [--note TEXT]
          --quick      %s rows, at least %d warm-up run(s) and %.1f s of warm-up, %d timed runs; Flink only on
                       velo_groupby and velo_tumble (%d timed runs), no Sluice scalar twins
          (default)    %s rows, at least %d warm-up runs and %.1f s of warm-up, %d timed runs, every query
                       on every engine
          --twins      also run Sluice's scalar twins (--no-simd)
          --query      only these queries (velo_select, velo_groupby, velo_tumble, trades_ohlc,
                       nexmark_q0, nexmark_q1, nexmark_q2)
          --engine     only these engines (the ids in the report, e.g. duckdb-mem-1t, flink-csv-p2);
                       Sluice's in-memory 1-partition result is always computed: it is the reference
          --note       a sentence added to the report (e.g. that the machine was busy)
        Writes bench/results/<date>-<machine>.md, .png and .csv (-quick with --quick, -partial with
        --query or --engine, so that a partial run does not replace a complete one);
        exits 1 if any engine's result differs from Sluice's or an engine fails.""";

    static final long QUICK_ROWS = 300_000;
    static final int QUICK_WARMUP = 1;
    static final double QUICK_WARMUP_SECONDS = 0.3;
    static final int QUICK_REPS = 3;
    static final int QUICK_FLINK_REPS = 2;
    static final long FULL_ROWS = 2_000_000;
    static final int FULL_WARMUP = 2;
    static final double FULL_WARMUP_SECONDS = 2;
    static final int FULL_REPS = 5;

    public static void main(final String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Locale.setDefault(Locale.ROOT);
        final Options o = parse(args);
        System.exit(run(o));
    }

    private static String usage() {
        return USAGE.formatted(String.format("%,d", QUICK_ROWS), QUICK_WARMUP, QUICK_WARMUP_SECONDS, QUICK_REPS,
            QUICK_FLINK_REPS, String.format("%,d", FULL_ROWS), FULL_WARMUP, FULL_WARMUP_SECONDS, FULL_REPS);
    }

    private static Options parse(final String[] args) {
        final Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            final String a = args[i];
            switch (a) {
                case "--quick" -> o.quick = true;
                case "--rows" -> o.rows = Long.parseLong(args[++i].replace("_", ""));
                case "--seed" -> o.seed = Long.parseLong(args[++i]);
                case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> o.warmupSeconds = Double.parseDouble(args[++i]);
                case "--twins" -> o.twins = true;
                case "--no-twins" -> o.twins = false;
                case "--reps" -> o.reps = Integer.parseInt(args[++i]);
                case "--query" -> o.queries.addAll(List.of(args[++i].split(",")));
                case "--engine" -> o.engines.addAll(List.of(args[++i].split(",")));
                case "--root" -> o.root = Path.of(args[++i]);
                case "--data" -> o.data = Path.of(args[++i]);
                case "--results" -> o.results = Path.of(args[++i]);
                case "--flink" -> o.flink = Path.of(args[++i]);
                case "--no-flink" -> o.noFlink = true;
                case "--machine" -> o.machine = args[++i];
                case "--note" -> o.note = args[++i];
                case "--command" -> o.command = args[++i];
                case "--help", "-h" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> {
                    System.err.println("compare: unknown option " + a + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        if (o.rows < 0) {
            o.rows = o.quick ? QUICK_ROWS : FULL_ROWS;
        }
        if (o.warmup < 0) {
            o.warmup = o.quick ? QUICK_WARMUP : FULL_WARMUP;
        }
        if (o.warmupSeconds < 0) {
            o.warmupSeconds = o.quick ? QUICK_WARMUP_SECONDS : FULL_WARMUP_SECONDS;
        }
        if (o.quick && !List.of(args).contains("--twins")) {
            o.twins = false;
        }
        if (o.engines.stream().anyMatch(e -> e.startsWith("sluice-scalar"))) {
            o.twins = true;
        }
        if (o.reps < 1) {
            o.reps = o.quick ? QUICK_REPS : FULL_REPS;
        }
        if (o.data == null) {
            o.data = o.root.resolve("bench/target/compare-data");
        }
        if (o.results == null) {
            o.results = o.root.resolve("bench/results");
        }
        if (o.flink == null) {
            o.flink = o.root.resolve("bench/flink/target");
        }
        if (o.machine == null) {
            o.machine = Report.hostname();
        }
        return o;
    }

    /** The engines measured in the JVM of the harness, in report order. */
    static List<Engine> engines(final boolean twins) {
        final List<Engine> e = new ArrayList<>();
        e.add(new SluiceEngine(true, true, 1));
        if (twins) {
            e.add(new SluiceEngine(false, true, 1));
        }
        e.add(new SluiceEngine(true, true, 2));
        if (twins) {
            e.add(new SluiceEngine(false, true, 2));
        }
        e.add(new DuckDbEngine(true, 1));
        e.add(new DuckDbEngine(true, 2));
        e.add(new CalciteEngine());
        e.add(new HandwrittenEngine());
        e.add(new SluiceEngine(true, false, 1));
        if (twins) {
            e.add(new SluiceEngine(false, false, 1));
        }
        e.add(new SluiceEngine(true, false, 2));
        if (twins) {
            e.add(new SluiceEngine(false, false, 2));
        }
        e.add(new DuckDbEngine(false, 1));
        e.add(new DuckDbEngine(false, 2));
        return e;
    }

    static final String REFERENCE = "sluice-simd-mem-1p";

    static int run(final Options o) throws Exception {
        final long started = System.nanoTime();
        final Report report = new Report(o);
        report.loadBefore = Report.loadAverage();
        final List<QueryDef> all = QueryDef.load(o.root.resolve("bench/queries"));
        final List<QueryDef> queries = new ArrayList<>();
        for (final QueryDef q : all) {
            if (o.queries.isEmpty() || o.queries.contains(q.name())) {
                queries.add(q);
            }
        }
        int failures = 0;
        try (Workspace ws = new Workspace(o.data, o.rows, o.seed)) {
            // the data first (generated once per rows and seed, then reused)
            for (final QueryDef q : queries) {
                ws.csv(q.data());
            }
            // Flink first, in its own JVM, so that it never runs alongside the in-process engines
            Map<String, FlinkBatch.Job> flink = Map.of();
            if (!o.noFlink && Files.exists(o.flink.resolve("sluice-bench-flink.jar"))) {
                final List<FlinkBatch.Job> jobs = new ArrayList<>();
                for (final QueryDef q : queries) {
                    if (q.flinkSql() == null || (o.quick && !q.flinkInQuick())) {
                        continue;
                    }
                    for (final int p : new int[] {1, 2}) {
                        final String id = "flink-csv-p" + p;
                        if (o.wantsEngine(id)) {
                            final Path sql = FlinkBatch.sqlFile(q, ws.headerless(q.data()), ws.scratch);
                            jobs.add(new FlinkBatch.Job(q, p, sql, ws.scratch.resolve(q.name() + "-" + id + ".csv")));
                        }
                    }
                }
                final int fw = o.quick ? 0 : o.warmup; // quick: the collecting check run is the warm-up
                final int fr = o.quick ? Math.min(o.reps, QUICK_FLINK_REPS) : o.reps;
                final long f0 = System.nanoTime();
                flink = FlinkBatch.run(jobs, o.flink, ws.scratch.resolve("flink.log"), fw, fr);
                report.flinkReps = fr;
                System.err.printf("compare: Flink took %.0f s%n", (System.nanoTime() - f0) / 1e9);
                report.flinkWarmup = fw;
            } else if (!o.noFlink) {
                System.err.println("compare: " + o.flink.resolve("sluice-bench-flink.jar") + " not built: Flink skipped");
                report.notes.add("Flink was skipped: bench/flink was not built.");
            }

            Workloads loaded = null;
            for (final QueryDef q : queries) {
                if (loaded != q.data()) {
                    ws.keepOnly(q.data());
                    System.gc();
                    loaded = q.data();
                }
                System.err.printf("compare: === %s: %s (at %.0f s)%n", q.name(), q.title(),
                    (System.nanoTime() - started) / 1e9);
                try {
                    ws.compile(q);
                } catch (final Exception e) {
                    report.cannotRun(q, "Sluice rejects it: " + e.getMessage());
                    continue;
                }
                final long inputRows = ws.dataset(q.data()).rows;
                ResultTable reference = null;
                for (final Engine e : engines(o.twins)) {
                    final boolean isReference = e.id().equals(REFERENCE);
                    if (!o.wantsEngine(e.id()) && !(isReference && reference == null)) {
                        continue;
                    }
                    try (e) {
                        final String why = e.unsupported(q);
                        if (why != null) {
                            report.add(new Measurement(q.name(), e.id(), e.label(), e.mode(), e.threads(), inputRows,
                                List.of(), 0, "skipped", why));
                            continue;
                        }
                        e.prepare(q, ws);
                        final ResultTable result = e.result();
                        if (isReference) {
                            reference = result;
                            System.err.printf("compare: reference (%s): %,d result rows%n", e.id(), result.size());
                            report.resultRows.put(q.name(), result.size());
                        } else {
                            final Optional<String> diff = ResultTable.diff(reference, result);
                            if (diff.isPresent()) {
                                failures++;
                                loud(q.name() + " on " + e.id() + ": result differs from Sluice's: " + diff.get());
                                report.add(new Measurement(q.name(), e.id(), e.label(), e.mode(), e.threads(), inputRows,
                                    List.of(), 0, "MISMATCH", diff.get()));
                                continue;
                            }
                        }
                        if (!o.wantsEngine(e.id())) {
                            continue;
                        }
                        // warm-up: at least o.warmup runs and o.warmupSeconds of them (lets the JIT settle)
                        final long warmupEnd = System.nanoTime() + (long) (o.warmupSeconds * 1e9);
                        int warmups = 0;
                        while (warmups < o.warmup || System.nanoTime() < warmupEnd) {
                            e.time();
                            warmups++;
                        }
                        final List<Long> nanos = new ArrayList<>();
                        for (int i = 0; i < o.reps; i++) {
                            nanos.add(e.time());
                        }
                        final Measurement m = new Measurement(q.name(), e.id(), e.label(), e.mode(), e.threads(),
                            inputRows, nanos, warmups, "ok", "");
                        report.add(m);
                        System.err.printf("compare: %-22s %-20s median %,14.0f rows/s (min %,.0f, max %,.0f)%n", q.name(),
                            e.id(), m.median(), m.min(), m.max());
                    } catch (final Exception ex) {
                        failures++;
                        final StringWriter trace = new StringWriter();
                        ex.printStackTrace(new PrintWriter(trace));
                        loud(q.name() + " on " + e.id() + " failed: " + ex + "\n" + trace);
                        report.add(new Measurement(q.name(), e.id(), e.label(), e.mode(), e.threads(), inputRows,
                            List.of(), 0, "error", String.valueOf(ex)));
                        if (isReference) {
                            break;
                        }
                    }
                }
                // Flink's results for this query, compared with the same reference
                for (final FlinkBatch.Job j : flink.values()) {
                    if (!j.query.name().equals(q.name())) {
                        continue;
                    }
                    if (j.error != null) {
                        failures++;
                        loud(j.name() + " failed: " + j.error);
                        report.add(new Measurement(q.name(), j.id(), FlinkBatch.label(j.parallelism), "CSV end-to-end",
                            j.parallelism, inputRows, List.of(), 0, "error", j.error));
                        continue;
                    }
                    final ResultTable result = ResultTable.readCsv(j.result, ws.names(q), ws.kinds(q), false);
                    final Optional<String> diff = reference == null ? Optional.of("no reference")
                        : ResultTable.diff(reference, result);
                    if (diff.isPresent()) {
                        failures++;
                        loud(j.name() + ": result differs from Sluice's: " + diff.get());
                        report.add(new Measurement(q.name(), j.id(), FlinkBatch.label(j.parallelism), "CSV end-to-end",
                            j.parallelism, inputRows, List.of(), 0, "MISMATCH", diff.get()));
                        continue;
                    }
                    final Measurement m = new Measurement(q.name(), j.id(), FlinkBatch.label(j.parallelism),
                        "CSV end-to-end", j.parallelism, inputRows, j.times, report.flinkWarmup, "ok",
                        "timed into a blackhole sink; job submission on the running MiniCluster included");
                    report.add(m);
                    System.err.printf("compare: %-22s %-20s median %,14.0f rows/s (min %,.0f, max %,.0f)%n", q.name(),
                        j.id(), m.median(), m.min(), m.max());
                }
            }
        }
        report.loadAfter = Report.loadAverage();
        report.elapsedSeconds = (System.nanoTime() - started) / 1e9;
        final Path md = report.write(o.results, LocalDate.now().toString());
        System.err.printf("compare: report %s (%.0f s)%n", md, report.elapsedSeconds);
        if (failures > 0) {
            loud(failures + " engine run(s) failed or differ from Sluice: see above and the report");
            return 1;
        }
        return 0;
    }

    private static void loud(final String message) {
        System.err.println();
        System.err.println("compare: ************************************************************");
        System.err.println("compare: FAILED: " + message);
        System.err.println("compare: ************************************************************");
    }

    static Path mustExist(final Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new IOException(p + " not found");
        }
        return p;
    }
}
