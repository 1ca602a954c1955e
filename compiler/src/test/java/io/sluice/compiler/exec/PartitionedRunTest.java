package io.sluice.compiler.exec;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.cli.QueryFile;
import io.sluice.runtime.exec.LateRowsFile;
import io.sluice.runtime.exec.PartitionReport;
import io.sluice.runtime.exec.QueryRunner;
import io.sluice.runtime.exec.RunOptions;
import io.sluice.runtime.exec.RunProgress;
import io.sluice.runtime.exec.RunSummary;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.source.BadRowPolicy;
import io.sluice.runtime.state.MemoryBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitioned runtime under load: 10M rows with one hot key (30% of the rows), out-of-order
 * event time (some rows late), a filter, over 8 worker threads: every row is accounted for
 * (conservation) and the results equal those of one partition.
 */
class PartitionedRunTest {
    private static final int ROWS = 10_000_000;

    @Test
    void tenMillionSkewedRowsOnEightPartitionsAreConservedAndMatchOnePartition(@TempDir final Path dir) throws Exception {
        final Path data = dir.resolve("stream.csv");
        final SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            out.write("group_id,v,ts\n");
            final long start = 1_704_067_200_000L;
            final StringBuilder line = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                final long key = random.nextInt(10) < 3 ? 0 : random.nextInt(1_000);
                // mostly in order; one row in 1000 jumps 90 s back (beyond the 5 s delay: late)
                final long ts = start + i - (random.nextInt(1000) == 0 ? 90_000 : random.nextInt(3000));
                line.setLength(0);
                line.append(key).append(',').append(random.nextInt(100)).append(',').append(ts).append('\n');
                out.append(line);
            }
        }
        final Path query = dir.resolve("query.sql");
        Files.writeString(query, """
            CREATE TABLE stream (group_id BIGINT, v BIGINT, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('path' = 'stream.csv');
            SELECT group_id, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
            FROM TABLE(TUMBLE(TABLE stream, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
            WHERE v <> 13
            GROUP BY group_id, window_start, window_end""");
        final Result one = run(query, dir, 1);
        final Result eight = run(query, dir, 8);

        for (final Result r : List.of(one, eight)) {
            final RunSummary s = r.summary;
            assertThat(s.rowsRead()).isEqualTo(ROWS);
            assertThat(s.rowsRead()).isEqualTo(s.rowsRejected() + s.rowsProcessed());
            assertThat(s.rowsProcessed()).isEqualTo(s.rowsFiltered() + s.rowsLate() + s.rowsAggregated());
            assertThat(s.partitions().stream().mapToLong(PartitionReport::rowsIn).sum()).isEqualTo(s.rowsProcessed());
            assertThat(r.countSum).as("COUNT(*) over all groups").isEqualTo(s.rowsAggregated());
            assertThat(s.rowsLate()).isPositive();
            assertThat(s.rowsFiltered()).isPositive();
        }
        assertThat(eight.summary.partitions()).hasSize(8).allSatisfy(p -> assertThat(p.rowsIn()).isPositive());
        assertThat(eight.summary.rowsLate()).isEqualTo(one.summary.rowsLate());
        assertThat(eight.summary.rowsFiltered()).isEqualTo(one.summary.rowsFiltered());
        assertThat(eight.rows).isEqualTo(one.rows);
    }

    private record Result(RunSummary summary, Map<String, Long> rows, long countSum) {
    }

    private static Result run(final Path query, final Path dir, final int partitions) throws Exception {
        final QueryFile file = QueryFile.read(query, "query.sql");
        final CompiledQuery compiled = file.compile();
        final Map<String, Long>[] perPartition = new Map[partitions];
        final long[] counts = new long[partitions];
        final RunOptions options = new RunOptions(RunOptions.DEFAULT_BATCH_SIZE, partitions, BadRowPolicy.FAIL,
            dir.resolve("rejects.csv"), MemoryBudget.DEFAULT_LIMIT, 0, RunOptions.DEFAULT_QUEUE_CAPACITY);
        final RunSummary summary;
        try (LateRowsFile late = new LateRowsFile(dir.resolve("late.csv"))) {
            summary = QueryRunner.run(file.source(compiled, List.of()), compiled.kernels(), compiled.spec().routing(),
                LatePolicy.DROP, options, p -> {
                    perPartition[p] = new HashMap<>();
                    return new ResultSink() {
                        @Override
                        public void accept(final ResultRow row) {
                            final String key = row.getLong(0) + "@" + row.getLong(1);
                            if (perPartition[p].put(key, row.getLong(3) * 1_000_003L + row.getLong(4)) != null) {
                                throw new AssertionError("two final rows for window and group " + key);
                            }
                            counts[p] += row.getLong(3);
                        }
                    };
                }, late, RunProgress.NONE);
        }
        final Map<String, Long> all = new HashMap<>();
        long countSum = 0;
        for (int p = 0; p < partitions; p++) {
            for (final Map.Entry<String, Long> e : perPartition[p].entrySet()) {
                assertThat(all.put(e.getKey(), e.getValue())).as("a group in two partitions").isNull();
            }
            countSum += counts[p];
        }
        return new Result(summary, all, countSum);
    }
}
