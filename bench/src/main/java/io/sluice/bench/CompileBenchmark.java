package io.sluice.bench;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.compiler.codegen.KernelCompiler;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.state.MemoryBudget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * SQL text to a ready kernel instance: parse, validate, plan, generate, Janino-compile,
 * instantiate. {@code cold} is the first compile in a fresh JVM (single shot, one per fork);
 * {@code warm} compiles a query never seen before (distinct text, so the kernel cache misses) in a
 * JVM that has compiled many. Goals: warm under 20 ms, cold under 500 ms.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {
    private static final String QUERY = """
        CREATE TABLE trades (symbol VARCHAR, price DOUBLE, qty BIGINT, ts TIMESTAMP(3),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);
        SELECT symbol, window_start, COUNT(*) AS n, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high
        FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        WHERE qty > %d
        GROUP BY symbol, window_start, window_end""";

    private long counter;

    private static Kernel ready(final String sql) throws Exception {
        final CompiledQuery q = SluiceCompiler.compile(sql);
        return q.kernels().create(new KernelContext(new StringDictionary(), MemoryBudget.unlimited()));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Kernel cold() throws Exception {
        return ready(QUERY.formatted(0));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Kernel warm() throws Exception {
        if (++counter % 200 == 0) {
            KernelCompiler.clearCache();
        }
        return ready(QUERY.formatted(counter));
    }
}
