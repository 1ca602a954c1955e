package io.sluice.compiler.kernel;

import io.sluice.compiler.Sluice;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.simd.VectorSupport;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.type.SqlType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fused loop of an aggregate without GROUP BY whose WHERE runs in lanes (fused.ftl) has sparse
 * steps in its SIMD twin: after a batch in which fewer than 1 row in 32 passed, a step loads the
 * columns only the aggregates read when one of its rows passes. The batches here alternate
 * between none, a few, half and all rows passing (so batches run sparse after sparse ones, and
 * dense after them too), with NULLs, DOUBLE sums, extremes, a column both filtered on and summed,
 * a WHERE that reads a NULL mask and one with BIGINT arithmetic; the changelog row after every
 * batch must be the scalar twin's, bit for bit, and COUNT(*) the rows that pass.
 */
class SparseFilterTest {
    static final int ROWS = 4096;
    static final int BATCHES = 40;
    /** x at or above this never passes {@code x < C}; below it, always. */
    static final long C = 1_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT COUNT(*) AS n, SUM(v) AS s, MIN(v) AS lo, MAX(v) AS hi, COUNT(v) AS nv, SUM(d) AS sd, AVG(v) AS av"
            + " FROM t WHERE x < 1000",
        "SELECT COUNT(*) AS n, SUM(x) AS sx, SUM(v) AS s FROM t WHERE x < 1000",
        "SELECT COUNT(*) AS n, SUM(d) AS sd, MAX(k) AS hk FROM t WHERE x < 1000 AND v IS NOT NULL",
        "SELECT COUNT(*) AS n, SUM(v) AS s, MIN(k) AS lk, SUM(d) AS sd FROM t WHERE x * 3 + k < 3000",
    })
    void theSimdTwinsSparseStepsGiveTheScalarTwinsRows(final String select) throws Exception {
        assumeTrue(VectorSupport.AVAILABLE, "the Vector API is not available: no SIMD twin to compare");
        final String sql = "CREATE TABLE t (x BIGINT NOT NULL, v BIGINT, d DOUBLE, k INT NOT NULL) WITH ('format' = 'csv');\n"
            + select;
        assertThat(SluiceCompiler.generateOnly(sql).kernel().source()).contains("static long fused(", "static long fusedSparse(");
        final CompiledQuery query = Sluice.compile(sql);
        final boolean vNotNull = select.contains("v IS NOT NULL");
        final List<List<Object>> simd = run(query, true, vNotNull);
        final List<List<Object>> scalar = run(query, false, vNotNull);
        assertThat(simd).hasSize(scalar.size()).isNotEmpty();
        for (int r = 0; r < simd.size(); r++) {
            assertThat(simd.get(r)).as("changelog row %d", r).isEqualTo(scalar.get(r));
        }
    }

    /**
     * The changelog rows of the query over BATCHES batches, each row's values (DOUBLEs as their
     * bits); checks COUNT(*) (the first column) against the rows the data makes pass (those with
     * v not NULL only, when vNotNull: the WHERE says so).
     */
    private static List<List<Object>> run(final CompiledQuery query, final boolean simd, final boolean vNotNull)
        throws Exception {
        final StringDictionary dictionary = new StringDictionary();
        final SplittableRandom random = new SplittableRandom(11);
        final List<List<Object>> rows = new ArrayList<>();
        final KernelContext context = new KernelContext(dictionary, MemoryBudget.unlimited(), LatePolicy.DROP,
            LateRowSink.NONE, simd);
        long passing = 0;
        try (Kernel kernel = query.kernels().create(context);
             ColumnBatch batch = new ColumnBatch(query.plan().input(), ROWS, dictionary)) {
            for (int b = 0; b < BATCHES; b++) {
                batch.reset();
                // of 5 batches in turn: none passes, 1 row in 200, 1 in 40, half, all
                final int oneIn = new int[] {0, 200, 40, 2, 1}[b % 5];
                final int n = b == BATCHES - 1 ? ROWS - 5 : ROWS; // a last, partial step too
                for (int i = 0; i < n; i++) {
                    final boolean pass = oneIn > 0 && random.nextInt(oneIn) == 0;
                    // passing: below C, also as 3x + k; else 3x + k >= 3C + 25
                    final long x = pass ? random.nextLong(-50, C / 3 - 10) : C + 10 + random.nextLong(0, 1_000_000);
                    final int k = random.nextInt(-5, 10);
                    final int row = batch.addRow((long) b * ROWS + i + 1, Long.MIN_VALUE);
                    batch.column(0).setLong(row, x);
                    final boolean vNull = random.nextInt(7) == 0;
                    if (vNull) {
                        batch.column(1).setNull(row);
                    } else {
                        batch.column(1).setLong(row, random.nextLong(-1_000_000, 1_000_000));
                    }
                    if (random.nextInt(9) == 0) {
                        batch.column(2).setNull(row);
                    } else {
                        batch.column(2).setDouble(row, random.nextDouble(-1e6, 1e6));
                    }
                    batch.column(3).setInt(row, k);
                    if (pass && !(vNotNull && vNull)) {
                        passing++;
                    }
                }
                kernel.process(batch, row -> rows.add(values(row)));
            }
            kernel.finish(row -> rows.add(values(row)));
        }
        assertThat(rows.getLast().get(0)).as("COUNT(*): the rows that pass").isEqualTo(passing);
        return rows;
    }

    private static List<Object> values(final ResultRow row) {
        final List<Object> values = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
            values.add(row.isNull(c) ? null
                : row.type(c) == SqlType.DOUBLE ? (Object) Double.doubleToRawLongBits(row.getDouble(c))
                : (Object) row.getLong(c));
        }
        return values;
    }
}
