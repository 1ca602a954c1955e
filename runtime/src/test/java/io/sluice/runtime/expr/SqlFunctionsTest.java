package io.sluice.runtime.expr;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.LongBinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlFunctionsTest {
    private static final String E = "qty * price";

    private static void fails(final ThrowingCallable call, final String message) {
        assertThatThrownBy(call).isInstanceOf(ExpressionException.class).hasMessage(message);
    }

    // ---------------------------------------------------------------- BIGINT

    @Test
    void bigintOverflowIsAnErrorNamingTheExpression() {
        fails(() -> SqlFunctions.add(Long.MAX_VALUE, 1, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.add(Long.MIN_VALUE, -1, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.subtract(Long.MIN_VALUE, 1, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.subtract(0, Long.MIN_VALUE, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.multiply(Long.MAX_VALUE, 2, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.multiply(Long.MIN_VALUE, -1, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.multiply(-1, Long.MIN_VALUE, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.multiply(1L << 32, 1L << 31, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.negate(Long.MIN_VALUE, E), "BIGINT overflow in qty * price");
        fails(() -> SqlFunctions.divide(Long.MIN_VALUE, -1, E), "BIGINT overflow in qty * price");
    }

    @Test
    void bigintResultsAtTheEdgesOfTheRangeAreFine() {
        assertThat(SqlFunctions.add(Long.MAX_VALUE, Long.MIN_VALUE, E)).isEqualTo(-1);
        assertThat(SqlFunctions.subtract(-1, Long.MIN_VALUE, E)).isEqualTo(Long.MAX_VALUE);
        assertThat(SqlFunctions.multiply(1L << 32, -(1L << 31), E)).isEqualTo(Long.MIN_VALUE);
        assertThat(SqlFunctions.multiply(-1, Long.MAX_VALUE, E)).isEqualTo(-Long.MAX_VALUE);
        assertThat(SqlFunctions.negate(Long.MAX_VALUE, E)).isEqualTo(-Long.MAX_VALUE);
        assertThat(SqlFunctions.divide(Long.MIN_VALUE, 1, E)).isEqualTo(Long.MIN_VALUE);
        assertThat(SqlFunctions.mod(Long.MIN_VALUE, -1, E)).isZero();
    }

    @Test
    void integerDivisionTruncatesTowardZeroAndModKeepsTheDividendsSign() {
        assertThat(SqlFunctions.divide(-7L, 2L, E)).isEqualTo(-3);
        assertThat(SqlFunctions.divide(7L, -2L, E)).isEqualTo(-3);
        assertThat(SqlFunctions.mod(-7L, 3L, E)).isEqualTo(-1);
        assertThat(SqlFunctions.mod(7L, -3L, E)).isEqualTo(1);
        assertThat(SqlFunctions.divide(-7, 2, E)).isEqualTo(-3);
        assertThat(SqlFunctions.mod(-7, 3, E)).isEqualTo(-1);
    }

    @Test
    void divisionByZeroIsAnErrorNamingTheExpression() {
        fails(() -> SqlFunctions.divide(1L, 0L, "a / b"), "division by zero in a / b");
        fails(() -> SqlFunctions.mod(1L, 0L, "a % b"), "division by zero in a % b");
        fails(() -> SqlFunctions.divide(0L, 0L, "a / b"), "division by zero in a / b");
        fails(() -> SqlFunctions.divide(1, 0, "a / b"), "division by zero in a / b");
        fails(() -> SqlFunctions.mod(1, 0, "a % b"), "division by zero in a % b");
    }

    @Provide
    Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L),
                Arbitraries.longs().between(-3, 3))
            .edgeCases(c -> c.add(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 1L, 1L << 32, -(1L << 31)));
    }

    private static void agrees(final LongBinaryOperator sluice, final LongBinaryOperator exact, final long a, final long b) {
        Long expected;
        try {
            expected = exact.applyAsLong(a, b);
        } catch (final ArithmeticException e) {
            expected = null;
        }
        if (expected == null) {
            assertThatThrownBy(() -> sluice.applyAsLong(a, b)).as("%d, %d", a, b).isInstanceOf(ExpressionException.class);
        } else {
            assertThat(sluice.applyAsLong(a, b)).as("%d, %d", a, b).isEqualTo(expected);
        }
    }

    @Property(tries = 1000, seed = "31")
    void bigintArithmeticAgreesWithMathExact(@ForAll("longs") final long a, @ForAll("longs") final long b) {
        agrees((x, y) -> SqlFunctions.add(x, y, E), Math::addExact, a, b);
        agrees((x, y) -> SqlFunctions.subtract(x, y, E), Math::subtractExact, a, b);
        agrees((x, y) -> SqlFunctions.multiply(x, y, E), Math::multiplyExact, a, b);
        agrees((x, y) -> SqlFunctions.divide(x, y, E), Math::divideExact, a, b);
        agrees((x, y) -> SqlFunctions.mod(x, y, E), (x, y) -> x % y, a, b);
        agrees((x, y) -> SqlFunctions.negate(x, E), (x, y) -> Math.negateExact(x), a, b);
    }

    // ---------------------------------------------------------------- INT

    @Test
    void intOverflowIsAnErrorNamingTheExpression() {
        fails(() -> SqlFunctions.add(Integer.MAX_VALUE, 1, E), "INT overflow in qty * price");
        fails(() -> SqlFunctions.subtract(Integer.MIN_VALUE, 1, E), "INT overflow in qty * price");
        fails(() -> SqlFunctions.multiply(65536, 32768, E), "INT overflow in qty * price");
        fails(() -> SqlFunctions.negate(Integer.MIN_VALUE, E), "INT overflow in qty * price");
        fails(() -> SqlFunctions.divide(Integer.MIN_VALUE, -1, E), "INT overflow in qty * price");
        assertThat(SqlFunctions.mod(Integer.MIN_VALUE, -1, E)).isZero();
        assertThat(SqlFunctions.multiply(65536, -32768, E)).isEqualTo(Integer.MIN_VALUE);
    }

    @Property(tries = 1000, seed = "32")
    void intArithmeticAgreesWithMathExact(@ForAll final int a, @ForAll final int b) {
        agrees((x, y) -> SqlFunctions.add((int) x, (int) y, E), (x, y) -> Math.addExact((int) x, (int) y), a, b);
        agrees((x, y) -> SqlFunctions.subtract((int) x, (int) y, E), (x, y) -> Math.subtractExact((int) x, (int) y), a, b);
        agrees((x, y) -> SqlFunctions.multiply((int) x, (int) y, E), (x, y) -> Math.multiplyExact((int) x, (int) y), a, b);
        agrees((x, y) -> SqlFunctions.divide((int) x, (int) y, E), (x, y) -> Math.divideExact((int) x, (int) y), a, b);
        agrees((x, y) -> SqlFunctions.mod((int) x, (int) y, E), (x, y) -> (int) x % (int) y, a, b);
        agrees((x, y) -> SqlFunctions.negate((int) x, E), (x, y) -> Math.negateExact((int) x), a, b);
    }

    // ---------------------------------------------------------------- DOUBLE order and keys

    @Test
    void nanEqualsNanAndIsGreatest() {
        assertThat(SqlFunctions.compare(Double.NaN, Double.NaN)).isZero();
        assertThat(SqlFunctions.compare(Double.NaN, Double.POSITIVE_INFINITY)).isPositive();
        assertThat(SqlFunctions.compare(Double.POSITIVE_INFINITY, Double.NaN)).isNegative();
        assertThat(SqlFunctions.compare(Double.NaN, 1.0)).isPositive();
        assertThat(SqlFunctions.compare(-1e300, Double.NaN)).isNegative();
        final double otherNaN = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);
        assertThat(SqlFunctions.compare(otherNaN, Double.NaN)).isZero();
    }

    @Test
    void negativeZeroEqualsZero() {
        assertThat(SqlFunctions.compare(-0.0, 0.0)).isZero();
        assertThat(SqlFunctions.compare(0.0, -0.0)).isZero();
        assertThat(SqlFunctions.keyBits(-0.0)).isEqualTo(SqlFunctions.keyBits(0.0));
    }

    @Test
    void ordinaryValuesCompareByValue() {
        assertThat(SqlFunctions.compare(1.0, 2.0)).isNegative();
        assertThat(SqlFunctions.compare(2.0, 1.0)).isPositive();
        assertThat(SqlFunctions.compare(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE)).isNegative();
        assertThat(SqlFunctions.compare(Double.MIN_VALUE, 0.0)).isPositive();
        assertThat(SqlFunctions.compare(-Double.MIN_VALUE, -0.0)).isNegative();
    }

    @Test
    void keyBitsGroupEqualValuesOnly() {
        assertThat(SqlFunctions.keyBits(Double.longBitsToDouble(0x7ff8_0000_0000_0123L))).isEqualTo(SqlFunctions.keyBits(Double.NaN));
        assertThat(SqlFunctions.keyBits(Double.longBitsToDouble(0xfff0_0000_0000_0001L))).isEqualTo(SqlFunctions.keyBits(Double.NaN));
        assertThat(SqlFunctions.keyBits(1.0)).isNotEqualTo(SqlFunctions.keyBits(-1.0));
        assertThat(SqlFunctions.keyBits(Double.MIN_VALUE)).isNotEqualTo(SqlFunctions.keyBits(0.0));
    }

    @Property(tries = 1000, seed = "33")
    void compareIsATotalOrderThatMatchesKeyBits(@ForAll("doubles") final double a, @ForAll("doubles") final double b) {
        final int ab = SqlFunctions.compare(a, b);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(SqlFunctions.compare(b, a)));
        if (!Double.isNaN(a) && !Double.isNaN(b)) {
            assertThat(Integer.signum(ab)).isEqualTo(a < b ? -1 : a > b ? 1 : 0);
        } else {
            assertThat(Integer.signum(ab)).isEqualTo(Double.isNaN(a) ? (Double.isNaN(b) ? 0 : 1) : -1);
        }
        assertThat(ab == 0).as("equal under compare <=> same key bits").isEqualTo(SqlFunctions.keyBits(a) == SqlFunctions.keyBits(b));
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(0.0, -0.0, Double.NaN,
            Double.longBitsToDouble(0x7ff8_0000_0000_0123L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, 1.0, -1.0));
    }

    // ---------------------------------------------------------------- casts

    @Test
    void castingNanOrOutOfRangeDoublesToIntegersIsAnError() {
        fails(() -> SqlFunctions.castToBigint(Double.NaN, "CAST(x AS BIGINT)"), "cannot cast NaN to BIGINT in CAST(x AS BIGINT)");
        fails(() -> SqlFunctions.castToBigint(9.3e18, "CAST(x AS BIGINT)"), "cannot cast 9.3E18 to BIGINT in CAST(x AS BIGINT)");
        fails(() -> SqlFunctions.castToBigint(0x1p63, "c"), "cannot cast 9.223372036854776E18 to BIGINT in c");
        fails(() -> SqlFunctions.castToBigint(Double.POSITIVE_INFINITY, "c"), "cannot cast Infinity to BIGINT in c");
        fails(() -> SqlFunctions.castToBigint(Double.NEGATIVE_INFINITY, "c"), "cannot cast -Infinity to BIGINT in c");
        fails(() -> SqlFunctions.castToBigint(-0x1.0000000000001p63, "c"), "cannot cast -9.223372036854778E18 to BIGINT in c");
        fails(() -> SqlFunctions.castToInt(Double.NaN, "c"), "cannot cast NaN to INT in c");
        fails(() -> SqlFunctions.castToInt(2147483648.0, "c"), "cannot cast 2.147483648E9 to INT in c");
        fails(() -> SqlFunctions.castToInt(-2147483649.0, "c"), "cannot cast -2.147483649E9 to INT in c");
        fails(() -> SqlFunctions.castToInt(2147483648L, "c"), "cannot cast 2147483648 to INT in c");
        fails(() -> SqlFunctions.castToInt(Long.MIN_VALUE, "c"), "cannot cast -9223372036854775808 to INT in c");
    }

    @Test
    void castingDoublesInRangeTruncatesTowardZero() {
        assertThat(SqlFunctions.castToBigint(-0x1p63, "c")).isEqualTo(Long.MIN_VALUE);
        assertThat(SqlFunctions.castToBigint(1.9, "c")).isEqualTo(1);
        assertThat(SqlFunctions.castToBigint(-1.9, "c")).isEqualTo(-1);
        assertThat(SqlFunctions.castToInt(2147483647.9, "c")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SqlFunctions.castToInt(-2147483648.0, "c")).isEqualTo(Integer.MIN_VALUE);
        assertThat(SqlFunctions.castToInt(-2147483648L, "c")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void parsingTextAcceptsPaddedValues() {
        assertThat(SqlFunctions.parseBigint(" -42 ", "c")).isEqualTo(-42);
        assertThat(SqlFunctions.parseInt("\t7\n", "c")).isEqualTo(7);
        assertThat(SqlFunctions.parseDouble(" 2e-3 ", "c")).isEqualTo(0.002);
        assertThat(SqlFunctions.parseDouble("NaN", "c")).isNaN();
        assertThat(SqlFunctions.parseBoolean(" TRUE ", "c")).isTrue();
        assertThat(SqlFunctions.parseBoolean("false", "c")).isFalse();
        assertThat(SqlFunctions.parseTimestamp(" 1970-01-01 00:00:01.5 ", "c")).isEqualTo(1500);
        assertThat(SqlFunctions.parseTimestamp("-1", "c")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.5", "9223372036854775808", "1e3", "0x10"})
    void parseBigintErrorsNameTheValueAndTheExpression(final String text) {
        fails(() -> SqlFunctions.parseBigint(text, "CAST(s AS BIGINT)"), "cannot cast '" + text + "' to BIGINT in CAST(s AS BIGINT)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "2147483648", "-2147483649"})
    void parseIntErrorsNameTheValueAndTheExpression(final String text) {
        fails(() -> SqlFunctions.parseInt(text, "CAST(s AS INT)"), "cannot cast '" + text + "' to INT in CAST(s AS INT)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "1d", "1.5D", "2f", "3F", "1.2.3", "1e"})
    void parseDoubleErrorsNameTheValueAndTheExpression(final String text) {
        fails(() -> SqlFunctions.parseDouble(text, "CAST(s AS DOUBLE)"), "cannot cast '" + text + "' to DOUBLE in CAST(s AS DOUBLE)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "1", "t"})
    void parseBooleanErrorsNameTheValueAndTheExpression(final String text) {
        fails(() -> SqlFunctions.parseBoolean(text, "CAST(s AS BOOLEAN)"), "cannot cast '" + text + "' to BOOLEAN in CAST(s AS BOOLEAN)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2023-02-29 00:00:00", "2024-01-01", "noon"})
    void parseTimestampErrorsNameTheValueAndTheExpression(final String text) {
        fails(() -> SqlFunctions.parseTimestamp(text, "CAST(s AS TIMESTAMP(3))"),
            "cannot cast '" + text + "' to TIMESTAMP(3) in CAST(s AS TIMESTAMP(3))");
    }

    @Test
    void toVarcharFormats() {
        assertThat(SqlFunctions.toVarchar(-5L)).isEqualTo("-5");
        assertThat(SqlFunctions.toVarchar(1.5)).isEqualTo("1.5");
        assertThat(SqlFunctions.toVarchar(true)).isEqualTo("true");
        assertThat(SqlFunctions.timestampToVarchar(-1)).isEqualTo("1969-12-31 23:59:59.999");
    }

    @Test
    void tumbleStartFloorsNegativeTimestamps() {
        assertThat(SqlFunctions.tumbleStart(-1, 60_000)).isEqualTo(-60_000);
        assertThat(SqlFunctions.tumbleStart(59_999, 60_000)).isZero();
    }

    @Test
    void hashDependsOnEveryWordAndItsOrder() {
        final long h1 = SqlFunctions.hash(SqlFunctions.hash(SqlFunctions.HASH_SEED, 1), 2);
        final long h2 = SqlFunctions.hash(SqlFunctions.hash(SqlFunctions.HASH_SEED, 2), 1);
        final long h3 = SqlFunctions.hash(SqlFunctions.hash(SqlFunctions.HASH_SEED, 1), 3);
        assertThat(h1).isNotEqualTo(h2).isNotEqualTo(h3);
        assertThat(SqlFunctions.hash(SqlFunctions.HASH_SEED, 0)).isNotEqualTo(SqlFunctions.hash(SqlFunctions.HASH_SEED, 1));
    }

    /** The fused loop's proof: when it says a batch cannot overflow, no order of adding its values does. */
    @net.jqwik.api.Property(tries = 2000)
    void sumCannotOverflowIsSafe(@net.jqwik.api.ForAll final long acc,
                                 @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(max = 20) final java.util.List<Long> values) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (final long v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!SqlFunctions.sumCannotOverflow(acc, values.size(), lo, hi)) {
            return;
        }
        java.math.BigInteger sum = java.math.BigInteger.valueOf(acc);
        for (final long v : values) {
            sum = sum.add(java.math.BigInteger.valueOf(v));
            org.assertj.core.api.Assertions.assertThat(sum.bitLength()).isLessThan(64);
        }
    }

    @Test
    void sumCannotOverflowRefusesBatchesNearTheLimit() {
        org.assertj.core.api.Assertions.assertThat(SqlFunctions.sumCannotOverflow(0, 4096, -1000, 1000)).isTrue();
        org.assertj.core.api.Assertions.assertThat(SqlFunctions.sumCannotOverflow(0, 2, 0, 1L << 62)).isFalse();
        org.assertj.core.api.Assertions.assertThat(SqlFunctions.sumCannotOverflow(Long.MIN_VALUE, 1, 0, 0)).isFalse();
        org.assertj.core.api.Assertions.assertThat(SqlFunctions.sumCannotOverflow(0, 1, Long.MIN_VALUE, 0)).isFalse();
    }
}
