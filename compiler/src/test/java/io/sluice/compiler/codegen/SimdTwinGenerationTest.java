package io.sluice.compiler.codegen;

import io.sluice.compiler.SluiceCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which loops of a kernel get a SIMD twin: what the generator puts in lanes and what it leaves to
 * the scalar loop (the golden corpus checks that both twins give the same output).
 */
class SimdTwinGenerationTest {
    private static final String TABLE = "CREATE TABLE t (k BIGINT NOT NULL, g BIGINT, v BIGINT, x INT, d DOUBLE, "
        + "s VARCHAR NOT NULL) WITH ('format' = 'csv');\n";

    private static String source(final String query) throws Exception {
        return SluiceCompiler.generateOnly(TABLE + query).kernel().source();
    }

    @Test
    void anAggregateWithoutGroupByOverNumericColumnsIsOneFusedLoopInLanes() throws Exception {
        final String src = source("SELECT COUNT(*), SUM(v), SUM(d), MIN(x), AVG(x) FROM t WHERE v < 10 OR d IS NULL");
        assertThat(src).contains("static long fused(", "private long fusedScalar(", "_Simd {");
        assertThat(src).doesNotContain("static int select(");
    }

    @Test
    void arithmeticOverColumnsInAnAggregateRunsInLanesWithItsOverflowLeftToTheRowLoop() throws Exception {
        final String src = source("SELECT SUM(v * 2 + k), SUM(d * v / 4), MAX(k - CAST(x AS BIGINT)) FROM t WHERE v < 10");
        assertThat(src).contains("static long fused(", "lanewise(VectorOperators.MUL", "lanewise(VectorOperators.DIV",
            "convert(VectorOperators.L2D", "overflow = overflow.or(", "return -1L;");
        // INT arithmetic overflows at 32 bits, integer division rounds: both stay in the row loop
        assertThat(source("SELECT SUM(x * 2) FROM t")).doesNotContain("_Simd", "fused");
        assertThat(source("SELECT SUM(v / 2) FROM t")).doesNotContain("_Simd", "fused");
        // DOUBLE arithmetic cannot overflow into an error: no overflow mask
        assertThat(source("SELECT SUM(d * 2.5) FROM t")).contains("static long fused(").doesNotContain("overflow = overflow.or(");
    }

    @Test
    void arithmeticInWhereRunsInLanesWithItsOverflowLeftToTheScalarCode() throws Exception {
        // GROUP BY: the lane selection gives up (-1) and the scalar twin runs the batch
        final String grouped = source("SELECT g, COUNT(*) FROM t WHERE v * 2 + k > CAST(x AS BIGINT) - 5 AND d * 2.0 < 100 GROUP BY g");
        assertThat(grouped).contains("static int select(", "lanewise(VectorOperators.MUL", "laneOverflow.anyTrue()",
            "return -1;", "if (m < 0) {", "private boolean processSimd(");
        // a product by a literal overflows exactly outside [MIN / c, MAX / c]
        assertThat(grouped).contains("v_v.compare(VectorOperators.LT, -4611686018427387904L).or(v_v.compare(VectorOperators.GT, 4611686018427387903L))");
        // without GROUP BY: the fused loop's overflow mask takes WHERE's too
        assertThat(source("SELECT COUNT(*) FROM t WHERE v * k > 0")).contains("static long fused(",
            "overflow = overflow.or(laneOverflow);", "return -1L;");
        // DOUBLE arithmetic and comparisons without arithmetic: no overflow mask
        assertThat(source("SELECT g, COUNT(*) FROM t WHERE d * 2.0 - 1.5 < CAST(100 AS DOUBLE) GROUP BY g"))
            .contains("static int select(").doesNotContain("laneOverflow", "return -1;");
        assertThat(source("SELECT g, COUNT(*) FROM t WHERE v < 10 GROUP BY g")).doesNotContain("laneOverflow");
        // INT arithmetic overflows at 32 bits: WHERE stays in the row loop
        assertThat(source("SELECT g, COUNT(*) FROM t WHERE x * 2 > 3 GROUP BY g")).doesNotContain("_Simd");
    }

    @Test
    void aWhereOnTextOrAMinOfDoubleKeepsTheRowLoop() throws Exception {
        assertThat(source("SELECT COUNT(*), SUM(v) FROM t WHERE s <> 'A'")).doesNotContain("_Simd", "fused");
        assertThat(source("SELECT MIN(d) FROM t")).doesNotContain("_Simd", "fused");
        assertThat(source("SELECT MIN(d * 2) FROM t")).doesNotContain("_Simd", "fused");
    }

    @Test
    void groupByGetsItsWhereInLanesAndASingleNotNullKeyHashedInLanes() throws Exception {
        final String filtered = source("SELECT g, COUNT(*) FROM t WHERE v BETWEEN 1 AND 5 AND x <> 3 GROUP BY g");
        assertThat(filtered).contains("Simd.select(", "static int select(").doesNotContain("Simd.hashes(");
        final String keyed = source("SELECT k, SUM(v) FROM t GROUP BY k");
        assertThat(keyed).contains("Simd.ranges(", "Simd.hashes(", "groups.findOrInsertSmall("); // small keys by index
        final String text = source("SELECT s, SUM(v) FROM t GROUP BY s");
        assertThat(text).contains("Simd.hashes(", "IntVector.fromMemorySegment");
        // a nullable key has a NULL flag word: hashed row by row
        assertThat(source("SELECT g, SUM(v) FROM t GROUP BY g")).doesNotContain("_Simd");
    }

    @Test
    void theKernelClassItselfNamesNoVectorType() throws Exception {
        final String src = source("SELECT COUNT(*), SUM(v) FROM t WHERE v < 10");
        final String outer = src.substring(0, src.indexOf("_Simd {"));
        assertThat(outer.replaceAll("(?m)^import .*$", "")).doesNotContain("LongVector", "VectorMask", "DoubleVector");
    }

    @Test
    void doubleComparisonsKeepNaNAboveEveryNumber() throws Exception {
        final String src = source("SELECT COUNT(*) FROM t WHERE d > 1.5");
        assertThat(src).contains("test(VectorOperators.IS_NAN)");
        assertThat(source("SELECT COUNT(*) FROM t WHERE d < 1.5")).doesNotContain("IS_NAN");
    }

    @Test
    void smallKeysWithCountsAndOneSummedNotNullColumnFoldPacked() throws Exception {
        // a NOT NULL INT or VARCHAR key; COUNT(*), COUNT, SUM and AVG of one NOT NULL integer column
        assertThat(source("SELECT x, COUNT(*), SUM(k), AVG(k), COUNT(k) FROM t WHERE x IS NOT NULL GROUP BY x"))
            .doesNotContain("foldPacked"); // WHERE: the rows that pass are not every row
        final String tableNotNull = "CREATE TABLE t (k INT NOT NULL, v BIGINT NOT NULL, w BIGINT NOT NULL, g BIGINT) "
            + "WITH ('format' = 'csv');\n";
        final String packed = SluiceCompiler.generateOnly(tableNotNull
            + "SELECT k, COUNT(*), SUM(v), AVG(v), COUNT(w) FROM t GROUP BY k").kernel().source();
        assertThat(packed).contains("static void ranges(", "private boolean foldPacked(", "PackedPartials.sumFits(",
            "PackedPartials.packable(");
        assertThat(SluiceCompiler.generateOnly(tableNotNull + "SELECT k, COUNT(*) FROM t GROUP BY k").kernel().source())
            .contains("private boolean foldPacked(").doesNotContain("PackedPartials.sumFits(");
        // two summed columns do not fit one word; a nullable column, MIN/MAX, or an expression: not packed
        for (final String q : new String[] {"SELECT k, SUM(v), SUM(w) FROM t GROUP BY k", "SELECT k, SUM(g) FROM t GROUP BY k",
            "SELECT k, MAX(v) FROM t GROUP BY k", "SELECT k, SUM(v + 1) FROM t GROUP BY k"}) {
            assertThat(SluiceCompiler.generateOnly(tableNotNull + q).kernel().source()).as(q).doesNotContain("foldPacked");
        }
    }
}
