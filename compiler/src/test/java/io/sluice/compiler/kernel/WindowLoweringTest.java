package io.sluice.compiler.kernel;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.CompileOptions;
import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.compiler.codegen.KernelCompiler;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.state.MemoryBudget;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lowering of HOP, CUMULATE and SESSION, late-data options and emit modes to a kernel spec. */
class WindowLoweringTest {
    private static final String TABLE = "CREATE TABLE t (k VARCHAR, v BIGINT, d DOUBLE, ts TIMESTAMP(3),\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('path' = 'in.csv'%s);\n";

    private static KernelSpec lower(final String options, final String query) throws CompileException {
        return SluiceCompiler.generateOnly(TABLE.formatted(options) + query).spec();
    }

    private static String grouped(final String window) {
        return "SELECT k, window_start, window_end, COUNT(*) AS n FROM TABLE(" + window
            + ") GROUP BY k, window_start, window_end";
    }

    @Test
    void hopIsSlideThenSize() throws CompileException {
        final KernelSpec spec = lower("", grouped("HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)"));
        assertThat(spec.shape()).isEqualTo(KernelSpec.Shape.WINDOW_AGGREGATE);
        assertThat(spec.window()).isEqualTo(new KernelSpec.Window(KernelSpec.WindowKind.HOP, 3, 10_000, 0, 5_000, List.of()));
        assertThat(spec.changelog()).isFalse();
        assertThat(spec.latePolicy()).isEqualTo(LatePolicy.DROP);
    }

    @Test
    void cumulateIsStepThenSizeWithAnOptionalOffset() throws CompileException {
        final KernelSpec spec = lower("", grouped(
            "CUMULATE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '1' MINUTE, INTERVAL '5' SECOND)"));
        assertThat(spec.window()).isEqualTo(
            new KernelSpec.Window(KernelSpec.WindowKind.CUMULATE, 3, 60_000, 5_000, 10_000, List.of()));
    }

    @Test
    void bothSessionFormsGiveTheSameSpec() throws CompileException {
        final KernelSpec flink = lower("", grouped("SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '30' SECOND)"));
        final KernelSpec calcite = lower("", grouped("SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k), INTERVAL '30' SECOND)"));
        assertThat(flink.shape()).isEqualTo(KernelSpec.Shape.SESSION_AGGREGATE);
        assertThat(flink.window()).isEqualTo(calcite.window())
            .isEqualTo(new KernelSpec.Window(KernelSpec.WindowKind.SESSION, 3, 30_000, 0, 0, List.of(0)));
        assertThat(flink.window().gapMillis()).isEqualTo(30_000);
    }

    @Test
    void windowsDescribeThemselvesForExplain() throws CompileException {
        final KernelSpec hop = lower("", grouped("HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)"));
        assertThat(hop.window().describe(hop.table().schema())).isEqualTo("HOP(ts, slide 5000 ms, size 10000 ms)");
        final KernelSpec session = lower("", grouped("SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '3' SECOND)"));
        assertThat(session.window().describe(session.table().schema())).isEqualTo("SESSION(ts, gap 3000 ms, key k)");
    }

    @Test
    void latePolicyComesFromTheTableOptions() throws CompileException {
        final String q = grouped("TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)");
        assertThat(lower(", 'late.policy' = 'side-output'", q).latePolicy())
            .isEqualTo(new LatePolicy(LatePolicy.Kind.SIDE_OUTPUT, 0));
        assertThat(lower(", 'late.policy' = 'NEXT-WINDOW'", q).latePolicy())
            .isEqualTo(new LatePolicy(LatePolicy.Kind.NEXT_WINDOW, 0));
        final KernelSpec allowed = lower(", 'late.policy' = 'allowed-lateness', 'late.allowed-lateness' = '30s'", q);
        assertThat(allowed.latePolicy()).isEqualTo(new LatePolicy(LatePolicy.Kind.ALLOWED_LATENESS, 30_000));
        assertThat(allowed.changelog()).as("late updates are -U/+U").isTrue();
        assertThat(allowed.emitChanges()).isFalse();
        for (final Map.Entry<String, Long> d : Map.of("500ms", 500L, "2m", 120_000L, "2 min", 120_000L, "1h",
            3_600_000L, "1d", 86_400_000L, "0s", 0L).entrySet()) {
            assertThat(lower(", 'late.policy' = 'allowed-lateness', 'late.allowed-lateness' = '" + d.getKey() + "'", q)
                .latePolicy().allowedLatenessMillis()).as(d.getKey()).isEqualTo(d.getValue());
        }
    }

    @Test
    void emitChangesOverAWindowIsAChangelog() throws CompileException {
        final KernelSpec spec = lower("", grouped("HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)")
            + " EMIT CHANGES");
        assertThat(spec.changelog()).isTrue();
        assertThat(spec.emitChanges()).isTrue();
        assertThat(lower("", grouped("TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)") + " EMIT FINAL").changelog())
            .isFalse();
    }

    @Test
    void withoutAWindowEmitFinalIsAnErrorAndTheFinalTableAnOption() throws CompileException {
        final String groupBy = "SELECT k, COUNT(*) AS n FROM t GROUP BY k";
        assertThatThrownBy(() -> lower("", groupBy + "\nEMIT FINAL")).isInstanceOf(CompileException.class)
            .hasMessage("4:1: EMIT FINAL needs a window (GROUP BY window_start, window_end or a WINDOW clause); "
                + "without one GROUP BY emits changes (--final-table gives the final table at the end of the input)");
        // grouped over TUMBLE's rows but not by its window: no window either
        assertError("", "SELECT k, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
            + "GROUP BY k EMIT FINAL", "EMIT FINAL needs a window");
        assertThat(lower("", groupBy).changelog()).isTrue();
        assertThat(SluiceCompiler.generateOnly(TABLE.formatted("") + groupBy, CompileOptions.FINAL_TABLE).spec()
            .changelog()).isFalse();
        // what the query says wins over the option
        assertThat(SluiceCompiler.generateOnly(TABLE.formatted("") + groupBy + " EMIT CHANGES",
            CompileOptions.FINAL_TABLE).spec().changelog()).isTrue();
        // windows and projections are what they are either way
        for (final String query : List.of(grouped("TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)"),
            "SELECT k, v FROM t WHERE v > 1")) {
            assertThat(SluiceCompiler.generateOnly(TABLE.formatted("") + query, CompileOptions.FINAL_TABLE).kernel().source())
                .isEqualTo(SluiceCompiler.generateOnly(TABLE.formatted("") + query).kernel().source());
        }
    }

    @Test
    void mistakesAreCompileErrorsWithAReason() {
        final String tumble = grouped("TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)");
        assertError(", 'late.allowed-lateness' = '30s'", tumble, "'late.allowed-lateness' applies only with "
            + "'late.policy' = 'allowed-lateness'");
        assertError(", 'late.policy' = 'allowed-lateness', 'late.allowed-lateness' = 'soon'", tumble,
            "'late.allowed-lateness' must be a duration such as '500ms', '30s', '5m', '2h' or '1d', not 'soon'");
        assertError("", grouped("CUMULATE(TABLE t, DESCRIPTOR(ts), INTERVAL '7' SECOND, INTERVAL '1' MINUTE)"),
            "CUMULATE size (60000 ms) must be a multiple of its step (7000 ms)");
        assertError("", "SELECT k, window_start, window_end, COUNT(*) AS n FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), "
                + "INTERVAL '5' SECOND, INTERVAL '10' SECOND)) WHERE window_end > ts GROUP BY k, window_start, window_end",
            "over HOP, window_start and window_end can only be grouped by and selected");
        assertError("", "SELECT k, COUNT(*) AS n FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), "
            + "INTERVAL '5' SECOND)) GROUP BY k", "SESSION without GROUP BY window_start, window_end is not supported");
        assertError("", grouped("SESSION(TABLE t PARTITION BY k ORDER BY ts, DESCRIPTOR(ts), INTERVAL '5' SECOND)"),
            "ORDER BY in a SESSION table argument is not supported");
    }

    @Test
    void lateOptionsNeedAWatermark() {
        assertThatThrownBy(() -> SluiceCompiler.generateOnly(
            "CREATE TABLE u (v BIGINT) WITH ('late.policy' = 'drop'); SELECT v FROM u"))
            .hasMessageContaining("late-data options need a WATERMARK");
    }

    private static void assertError(final String options, final String query, final String message) {
        assertThatThrownBy(() -> lower(options, query)).isInstanceOf(CompileException.class)
            .hasMessageContaining(message);
    }

    /** Every window kind, late policy and emit mode generates a kernel that verifies and stays small. */
    @TestFactory
    Stream<DynamicTest> everyCombinationGeneratesVerifiedBytecode() {
        final List<String> windows = List.of(
            "TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)",
            "HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)",
            "CUMULATE(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)",
            "SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '5' SECOND)");
        final List<String> policies = List.of("", ", 'late.policy' = 'side-output'", ", 'late.policy' = 'next-window'",
            ", 'late.policy' = 'allowed-lateness', 'late.allowed-lateness' = '1m'");
        final List<DynamicTest> tests = new ArrayList<>();
        for (final String w : windows) {
            for (final String p : policies) {
                for (final String emit : List.of("", " EMIT CHANGES")) {
                    final String query = "SELECT k, window_start, window_end, COUNT(*) AS n, COUNT(d) AS nd, SUM(v) AS s, "
                        + "SUM(d) AS sd, AVG(d) AS a, MIN(k) AS lo, MAX(d) AS hi, MIN(v) AS mv FROM TABLE(" + w
                        + ") GROUP BY k, window_start, window_end HAVING COUNT(*) > 1" + emit;
                    tests.add(DynamicTest.dynamicTest(w.substring(0, w.indexOf('(')) + p + emit, () -> verify(p, query)));
                }
            }
        }
        return tests.stream();
    }

    private static void verify(final String options, final String query) throws CompileException {
        final CompiledQuery q = SluiceCompiler.generateOnly(TABLE.formatted(options) + query);
        for (final Map.Entry<String, byte[]> c : KernelCompiler.bytecode(q.kernel()).entrySet()) {
            final StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(c.getValue()), WindowLoweringTest.class.getClassLoader(), false,
                new PrintWriter(problems));
            assertThat(problems.toString()).as("verifier output for %s", c.getKey()).isEmpty();
            for (final MethodModel m : ClassFile.of().parse(c.getValue()).methods()) {
                assertThat(m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0))
                    .as("%s.%s bytecode size", c.getKey(), m.methodName()).isLessThan(8000);
            }
        }
    }

    /**
     * The policy is compiled into the kernel (the context's policy, still DROP where the runner
     * builds it, is not read); the context's late-row sink receives side-output rows with a reason.
     */
    @Test
    void sideOutputRowsGoToTheContextsSinkWithAReason() throws CompileException {
        final CompiledQuery q = SluiceCompiler.compile("CREATE TABLE e (k BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)"
            + " WITH ('late.policy' = 'side-output'); SELECT k, window_start, window_end, COUNT(*) AS n "
            + "FROM TABLE(TUMBLE(TABLE e, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end");
        final StringDictionary dictionary = new StringDictionary();
        final List<String> late = new ArrayList<>();
        final List<String> out = new ArrayList<>();
        try (ColumnBatch batch = new ColumnBatch(q.spec().table().schema(), 8, dictionary);
             Kernel kernel = q.kernels().create(new KernelContext(dictionary, MemoryBudget.unlimited(), LatePolicy.DROP,
                 (b, row, reason) -> late.add(b.line(row) + " " + b.column(0).getLong(row) + " " + reason)))) {
            final long[][] rows = {{1, 500}, {2, 2500}, {3, 900}, {4, 2100}};
            long watermark = ColumnBatch.NO_WATERMARK;
            for (int i = 0; i < rows.length; i++) {
                final int r = batch.addRow(i + 2, watermark);
                batch.column(0).setLong(r, rows[i][0]);
                batch.column(1).setLong(r, rows[i][1]);
                watermark = Math.max(watermark, rows[i][1]);
            }
            batch.watermarkAfter(watermark);
            kernel.process(batch, (ResultRow row) -> out.add(row.getLong(0) + "@" + row.getLong(1)));
            kernel.advanceWatermark(watermark, (ResultRow row) -> out.add(row.getLong(0) + "@" + row.getLong(1)));
            kernel.finish((ResultRow row) -> out.add(row.getLong(0) + "@" + row.getLong(1)));
            assertThat(kernel.lateRows()).isEqualTo(1);
        }
        assertThat(late).containsExactly(
            "4 3 late: window end 1970-01-01 00:00:01.000 <= watermark 1970-01-01 00:00:02.500");
        assertThat(out).containsExactlyInAnyOrder("1@0", "2@2000", "4@2000");
    }
}
