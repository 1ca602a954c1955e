package io.sluice.bench;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.state.MemoryBudget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;

/**
 * The generated kernel of {@code SELECT group_id, COUNT(*), SUM(v) FROM stream GROUP BY group_id}
 * (Velostream's workload) over in-memory batches: records per second through the per-partition
 * loop, without CSV decoding or output. Scores are per operation = per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OperationsPerInvocation(GroupByKernelBenchmark.ROWS)
public class GroupByKernelBenchmark {
    static final int BATCH = 4096;
    static final int BATCHES = 256;
    static final int ROWS = BATCH * BATCHES;

    @Param({"10", "1000", "100000"})
    public int keys;

    private ColumnBatch[] batches;
    private Kernel kernel;
    private CompiledQuery query;
    private StringDictionary dictionary;

    @Setup(Level.Trial)
    public void compile() throws Exception {
        query = SluiceCompiler.compile("""
            CREATE TABLE stream (group_id BIGINT NOT NULL, v BIGINT NOT NULL);
            SELECT group_id, COUNT(*) AS n, SUM(v) AS total FROM stream GROUP BY group_id""");
        dictionary = new StringDictionary();
        final SplittableRandom random = new SplittableRandom(42);
        batches = new ColumnBatch[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            final ColumnBatch batch = new ColumnBatch(query.plan().table().schema(), BATCH, dictionary);
            final ColumnVector key = batch.column(0);
            final ColumnVector value = batch.column(1);
            for (int i = 0; i < BATCH; i++) {
                final int row = batch.addRow(i + 1, ColumnBatch.NO_WATERMARK);
                key.setLong(row, random.nextInt(keys));
                value.setLong(row, random.nextInt(1000));
            }
            batches[b] = batch;
        }
    }

    @Setup(Level.Iteration)
    public void newKernel() {
        kernel = query.kernels().create(new KernelContext(dictionary, MemoryBudget.unlimited()));
    }

    @TearDown(Level.Iteration)
    public void closeKernel() {
        kernel.close();
    }

    @TearDown(Level.Trial)
    public void free() {
        for (final ColumnBatch b : batches) {
            b.close();
        }
    }

    @Benchmark
    public void groupBy(final Blackhole bh) {
        final ResultSink sink = (ResultRow row) -> bh.consume(row.getLong(1));
        for (final ColumnBatch batch : batches) {
            kernel.process(batch, sink);
        }
    }
}
