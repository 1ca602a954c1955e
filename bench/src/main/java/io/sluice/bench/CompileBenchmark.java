package io.sluice.bench;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.compiler.codegen.KernelCompiler;
import io.sluice.compiler.codegen.KernelGenerator;
import io.sluice.compiler.kernel.KernelLowering;
import io.sluice.compiler.kernel.KernelSpec;
import io.sluice.compiler.parser.SluiceSqlParser;
import io.sluice.compiler.plan.PlannedQuery;
import io.sluice.compiler.plan.QueryPlanner;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.KernelFactory;
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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * SQL text to a ready kernel instance: parse, validate, plan, generate, Janino-compile,
 * instantiate. Goals: warm under 20 ms, cold under 500 ms.
 *
 * <ul>
 *   <li>{@code cold} (JMH, SingleShotTime): the first compile in a fresh JVM, one per fork, five
 *       forks. The forks start without the launcher's AOT cache, so this is the cold compile of an
 *       embedding program that uses none; {@code scripts/compile-cost} measures it with and
 *       without the cache the {@code sluice} launcher uses.</li>
 *   <li>{@code warm} (JMH, AverageTime): a query never seen before (distinct text, so the kernel
 *       cache misses) in a JVM that has compiled many.</li>
 * </ul>
 *
 * <p>{@code main} prints where the time goes, stage by stage, for the first compile of the JVM it
 * runs in and for warm compiles (median over the second half of N distinct queries), as wall time
 * and as CPU time of the compiling thread (which load from other processes inflates less):
 * <pre>
 * java $(cat compiler/target/classes/io/sluice/compiler/jvm.options) \
 *   -cp compiler/target/sluice.jar:bench/target/sluice-bench-0.1.0-SNAPSHOT.jar \
 *   io.sluice.bench.CompileBenchmark [N, default 2000]
 * </pre>
 * The stages are what {@link SluiceCompiler#compile} does, called one by one; {@code parse} is
 * timed on its own and done again inside {@code plan} (well under a millisecond once warm), so the
 * total slightly overstates a compile.
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

    // ------------------------------------------------------------------ stage breakdown (main)

    private static final String[] STAGES = {"parse", "plan", "lower", "generate", "janino", "instantiate"};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Prints the stage breakdown of the first compile in this JVM and of warm compiles. */
    public static void main(final String[] args) throws Exception {
        final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        final long mainStart = System.currentTimeMillis();
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        final double[][] wall = new double[Math.max(n, 1)][];
        final double[][] cpu = new double[wall.length][];
        for (int i = 0; i < wall.length; i++) {
            wall[i] = new double[STAGES.length];
            cpu[i] = new double[STAGES.length];
            compileInStages(QUERY.formatted(i), wall[i], cpu[i]);
            if (i % 200 == 199) {
                KernelCompiler.clearCache();
            }
        }
        System.out.printf(Locale.ROOT, "JVM start to main: %d ms%n", mainStart - jvmStart);
        System.out.println(line("cold (first compile in this JVM)", wall[0], cpu[0]));
        if (n > 1) {
            final int from = n / 2;
            final double[] medianWall = new double[STAGES.length + 1];
            final double[] medianCpu = new double[STAGES.length + 1];
            for (int s = 0; s <= STAGES.length; s++) {
                medianWall[s] = median(wall, cpu, from, s, true);
                medianCpu[s] = median(wall, cpu, from, s, false);
            }
            System.out.println(line("warm (median of compiles " + (from + 1) + ".." + n + ")", medianWall, medianCpu));
        }
    }

    /** Compiles {@code sql} as SluiceCompiler.compile does, stage by stage, and instantiates the kernel. */
    private static void compileInStages(final String sql, final double[] wall, final double[] cpu) throws Exception {
        final long[] w = new long[STAGES.length + 1];
        final long[] c = new long[STAGES.length + 1];
        mark(w, c, 0);
        SluiceSqlParser.parseScript(sql);
        mark(w, c, 1);
        final PlannedQuery plan = QueryPlanner.plan(sql);
        mark(w, c, 2);
        final KernelSpec spec = KernelLowering.lower(plan);
        mark(w, c, 3);
        final KernelGenerator.GeneratedKernel kernel =
            KernelGenerator.generate(spec, sql, plan.rel().getCluster().getRexBuilder());
        mark(w, c, 4);
        final KernelFactory factory = KernelCompiler.compile(kernel);
        mark(w, c, 5);
        factory.create(new KernelContext(new StringDictionary(), MemoryBudget.unlimited())).close();
        mark(w, c, 6);
        for (int s = 0; s < STAGES.length; s++) {
            wall[s] = (w[s + 1] - w[s]) / 1e6;
            cpu[s] = (c[s + 1] - c[s]) / 1e6;
        }
    }

    private static void mark(final long[] wall, final long[] cpu, final int i) {
        cpu[i] = THREADS.getCurrentThreadCpuTime();
        wall[i] = System.nanoTime();
    }

    /** Median over compiles from..end of stage s, or of the total when s == STAGES.length. */
    private static double median(final double[][] wall, final double[][] cpu, final int from, final int s,
                                 final boolean ofWall) {
        final double[] values = new double[wall.length - from];
        for (int i = from; i < wall.length; i++) {
            final double[] row = ofWall ? wall[i] : cpu[i];
            values[i - from] = s < STAGES.length ? row[s] : Arrays.stream(row).sum();
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static String line(final String label, final double[] wall, final double[] cpu) {
        final StringBuilder sb = new StringBuilder(label).append(String.format(Locale.ROOT,
            ": total %.1f ms (cpu %.1f)", total(wall), total(cpu)));
        for (int s = 0; s < STAGES.length; s++) {
            sb.append(String.format(Locale.ROOT, " | %s %.1f (%.1f)", STAGES[s], wall[s], cpu[s]));
        }
        return sb.toString();
    }

    /** The sum of the stages (a median row carries its own total in its last slot). */
    private static double total(final double[] stages) {
        return stages.length > STAGES.length ? stages[STAGES.length]
            : Arrays.stream(stages, 0, STAGES.length).sum();
    }
}
