package io.sluice.compiler.exec;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.cli.QueryFile;
import io.sluice.runtime.exec.LateRowsFile;
import io.sluice.runtime.exec.QueryRunner;
import io.sluice.runtime.exec.RunOptions;
import io.sluice.runtime.exec.RunProgress;
import io.sluice.runtime.exec.RunSummary;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.source.BadRowPolicy;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.time.WatermarkMerger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the streaming runtime, on random inputs: several files per table (some ending
 * early), rows out of order within and beyond the watermark delay, random partition counts, batch
 * sizes and idle timeouts. A reference model written from DESIGN.md's "Event time, exactly" (files
 * merged row by row, per-file watermarks, the minimum over files not idle, late iff the window's
 * end is at or before the watermark in force before the row) must agree with Sluice exactly: the
 * same late rows, every window firing exactly once with the counts the model gives, and every row
 * accounted for.
 */
class StreamingPropertiesTest {
    private static final long T0 = 1_704_067_200_000L;
    private static final long SIZE = 2_000;
    private static final long DELAY = 1_000;

    /** One input row: its file, key and event time. */
    record Row(int file, int key, long ts) {
    }

    @Provide
    Arbitrary<List<List<Row>>> files() {
        // times on a 500 ms grid, so rows land exactly on window ends and watermarks (the edge cases)
        final Arbitrary<Long> step = Arbitraries.longs().between(0, 3).map(x -> x * 250);
        final Arbitrary<Long> jitter = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(0L)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 4).map(x -> x * 250)),   // within the delay
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(5, 24).map(x -> x * 250)));  // beyond it: maybe late
        final Arbitrary<List<long[]>> file = Combinators.combine(step, jitter, Arbitraries.integers().between(0, 5))
            .as((s, j, k) -> new long[] {s, j, k}).list().ofMinSize(0).ofMaxSize(80);
        return file.list().ofMinSize(1).ofMaxSize(3).map(specs -> {
            final List<List<Row>> out = new ArrayList<>();
            for (int f = 0; f < specs.size(); f++) {
                long clock = T0;
                final List<Row> rows = new ArrayList<>();
                for (final long[] r : specs.get(f)) {
                    clock += r[0];
                    rows.add(new Row(f, (int) r[2], clock - r[1]));
                }
                out.add(rows);
            }
            return out;
        });
    }

    @Property(tries = 60, seed = "20261127")
    void sluiceAgreesWithTheReferenceModelOfEventTime(@ForAll("files") final List<List<Row>> files,
                                                      @ForAll @IntRange(min = 1, max = 4) final int partitions,
                                                      @ForAll @IntRange(min = 1, max = 17) final int batchSize,
                                                      @ForAll @IntRange(min = 0, max = 20) final int idleSeconds)
        throws Exception {
        final Path dir = Files.createTempDirectory("sluice-props");
        try {
            final List<String> inputs = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                final StringBuilder csv = new StringBuilder("k,ts\n");
                for (final Row r : files.get(f)) {
                    csv.append(r.key()).append(',').append(r.ts()).append('\n');
                }
                final Path file = dir.resolve("part-" + f + ".csv");
                Files.writeString(file, csv);
                inputs.add("t=" + file);
            }
            final Path query = dir.resolve("query.sql");
            Files.writeString(query, """
                CREATE TABLE t (k BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
                SELECT k, window_start, COUNT(*) AS n
                FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '2' SECOND))
                GROUP BY k, window_start, window_end""");
            final Model expected = model(files, idleSeconds * 1000L);

            final QueryFile file = QueryFile.read(query, "query.sql");
            final CompiledQuery compiled = file.compile();
            final Map<String, Long> windows = new ConcurrentHashMap<>();
            final List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
            final RunSummary summary;
            try (LateRowsFile late = new LateRowsFile(dir.resolve("late.csv"))) {
                summary = QueryRunner.run(file.source(compiled, inputs), compiled.kernels(), compiled.spec().routing(),
                    LatePolicy.DROP, new RunOptions(batchSize, partitions, BadRowPolicy.FAIL, dir.resolve("rejects.csv"),
                        MemoryBudget.DEFAULT_LIMIT, idleSeconds * 1000L, 2),
                    p -> new ResultSink() {
                        @Override
                        public void accept(final ResultRow row) {
                            final String key = row.getLong(0) + "@" + row.getLong(1);
                            if (windows.put(key, row.getLong(2)) != null) {
                                duplicates.add(key);
                            }
                        }
                    }, late, RunProgress.NONE);
            }
            assertThat(duplicates).as("windows that fired twice").isEmpty();
            assertThat(summary.rowsLate()).as("late rows").isEqualTo(expected.late);
            assertThat(new TreeMap<>(windows)).isEqualTo(expected.windows);
            assertThat(summary.rowsRead()).isEqualTo(files.stream().mapToLong(List::size).sum());
            assertThat(summary.rowsRead()).isEqualTo(summary.rowsRejected() + summary.rowsFiltered() + summary.rowsLate()
                + summary.rowsAggregated());
            assertThat(windows.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(summary.rowsAggregated());
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Model(long late, TreeMap<String, Long> windows) {
    }

    /** DESIGN.md's rules, written plainly: row-by-row round robin, per-file W, min over files not idle. */
    private static Model model(final List<List<Row>> files, final long idle) {
        final int n = files.size();
        final long[] max = new long[n];
        java.util.Arrays.fill(max, Long.MIN_VALUE);
        final boolean[] ended = new boolean[n];
        final boolean[] isIdle = new boolean[n];
        final int[] next = new int[n];
        long maxAll = Long.MIN_VALUE;
        long w = Long.MIN_VALUE;
        long late = 0;
        final TreeMap<String, Long> windows = new TreeMap<>();
        int active = n;
        int f = 0;
        while (active > 0) {
            if (!ended[f]) {
                if (next[f] == files.get(f).size()) {
                    ended[f] = true;
                    active--;
                } else {
                    final Row r = files.get(f).get(next[f]++);
                    final long start = r.ts() - Math.floorMod(r.ts(), SIZE);
                    if (start + SIZE <= w) {
                        late++;
                    } else {
                        windows.merge(r.key() + "@" + start, 1L, Long::sum);
                    }
                    max[f] = Math.max(max[f], r.ts());
                    maxAll = Math.max(maxAll, r.ts());
                }
                // recompute the query watermark
                long min = Long.MAX_VALUE;
                long top = Long.MIN_VALUE;
                boolean any = false;
                for (int g = 0; g < n; g++) {
                    if (ended[g] && (max[g] == Long.MIN_VALUE || maxAll - max[g] > idle)) {
                        isIdle[g] = true;
                    }
                    final long wg = max[g] == Long.MIN_VALUE ? Long.MIN_VALUE : max[g] - DELAY;
                    top = Math.max(top, wg);
                    if (!isIdle[g]) {
                        any = true;
                        min = Math.min(min, wg);
                    }
                }
                w = Math.max(w, any ? min : top);
            }
            f = (f + 1) % n;
        }
        return new Model(late, windows);
    }

    @Property(tries = 300, seed = "42")
    void theWatermarkNeverGoesBack(@ForAll("events") final List<long[]> events,
                                   @ForAll @IntRange(min = 0, max = 5000) final int idle) {
        final WatermarkMerger merger = new WatermarkMerger(3, 1000, idle);
        long previous = merger.current();
        for (final long[] e : events) {
            if (e[1] < 0) {
                merger.end((int) e[0]);
            } else {
                merger.observe((int) e[0], e[1]);
            }
            assertThat(merger.current()).isGreaterThanOrEqualTo(previous);
            previous = merger.current();
        }
    }

    @Provide
    Arbitrary<List<long[]>> events() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(-1, 100_000))
            .as((p, t) -> new long[] {p, t}).list().ofMaxSize(80);
    }
}
