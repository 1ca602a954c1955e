package io.sluice.compiler.golden;

import static io.sluice.compiler.golden.ValueComparison.equal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueComparisonTest {

    @Test
    void integersCompareExactly() {
        assertThat(equal(ValueType.INTEGER, "9007199254740993", "9007199254740993")).isTrue();
        // equal as doubles, different as integers
        assertThat(equal(ValueType.INTEGER, "9007199254740993", "9007199254740992")).isFalse();
        assertThat(equal(ValueType.INTEGER, "3", "3.0")).isTrue();
        assertThat(equal(ValueType.INTEGER, "-12", "-12")).isTrue();
        assertThat(equal(ValueType.INTEGER, "1", "2")).isFalse();
    }

    @Test
    void doublesCompareWithRelativeTolerance() {
        assertThat(equal(ValueType.DOUBLE, "0.30000000000000004", "0.3")).isTrue();
        assertThat(equal(ValueType.DOUBLE, "1.0E10", "10000000000")).isTrue();
        assertThat(equal(ValueType.DOUBLE, "1.0E10", "10000000001")).isTrue();  // 1e-10 relative
        assertThat(equal(ValueType.DOUBLE, "1.0E10", "10000000100")).isFalse(); // 1e-8 relative
        assertThat(equal(ValueType.DOUBLE, "3.0", "3")).isTrue();
        assertThat(equal(ValueType.DOUBLE, "101.5", "101.6")).isFalse();
        assertThat(equal(ValueType.DOUBLE, "0.0", "-0.0")).isTrue();
        assertThat(equal(ValueType.DOUBLE, "0.0", "1.0E-300")).isFalse();
    }

    @Test
    void nanEqualsNanAndInfinitiesEqualThemselves() {
        assertThat(equal(ValueType.DOUBLE, "NaN", "NaN")).isTrue();
        assertThat(equal(ValueType.DOUBLE, "NaN", "1.0")).isFalse();
        assertThat(equal(ValueType.DOUBLE, "Infinity", "Infinity")).isTrue();
        assertThat(equal(ValueType.DOUBLE, "-Infinity", "Infinity")).isFalse();
        assertThat(equal(ValueType.DOUBLE, "Infinity", "1.0E308")).isFalse();
    }

    @Test
    void nullAndEmptyAreEqualExceptForStrings() {
        for (ValueType type : List.of(ValueType.INTEGER, ValueType.DOUBLE, ValueType.BOOLEAN,
                ValueType.TIMESTAMP)) {
            assertThat(equal(type, null, "")).as(type.name()).isTrue();
            assertThat(equal(type, null, null)).as(type.name()).isTrue();
        }
        assertThat(equal(ValueType.INTEGER, null, "0")).isFalse();
        assertThat(equal(ValueType.STRING, null, null)).isTrue();
        assertThat(equal(ValueType.STRING, "", "")).isTrue();
        assertThat(equal(ValueType.STRING, null, "")).isFalse();
        assertThat(equal(ValueType.STRING, "", null)).isFalse();
    }

    @Test
    void timestampsAreNormalisedToMilliseconds() {
        assertThat(equal(ValueType.TIMESTAMP, "2024-01-01 10:01:00.000", "2024-01-01 10:01:00")).isTrue();
        assertThat(equal(ValueType.TIMESTAMP, "2024-01-01 10:01:00.000", "2024-01-01T10:01:00.0")).isTrue();
        assertThat(equal(ValueType.TIMESTAMP, "2024-01-01 10:01:00.123", "1704103260123")).isTrue();
        assertThat(equal(ValueType.TIMESTAMP, "2024-01-01 10:01:00.120", "2024-01-01 10:01:00.12")).isTrue();
        assertThat(equal(ValueType.TIMESTAMP, "2024-01-01 10:01:00.000", "2024-01-01 10:01:00.001")).isFalse();
        assertThat(ValueComparison.normalizeTimestamp("2024-02-29 23:59:59.5"))
                .isEqualTo("2024-02-29 23:59:59.500");
        assertThatThrownBy(() -> ValueComparison.normalizeTimestamp("2024-01-01 10:01:00.0001"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueComparison.normalizeTimestamp("yesterday"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booleansIgnoreCaseStringsDoNot() {
        assertThat(equal(ValueType.BOOLEAN, "true", "TRUE")).isTrue();
        assertThat(equal(ValueType.BOOLEAN, "true", "false")).isFalse();
        assertThat(equal(ValueType.STRING, "Zürich", "Zürich")).isTrue();
        assertThat(equal(ValueType.STRING, "abc", "ABC")).isFalse();
        assertThat(equal(ValueType.STRING, "a ", "a")).isFalse();
    }

    @Test
    void unparsableNumbersAreUnequalNotErrors() {
        assertThat(equal(ValueType.INTEGER, "abc", "1")).isFalse();
        assertThat(equal(ValueType.DOUBLE, "1.0", "abc")).isFalse();
    }

    @Test
    void rowOrderSortsNumbersNumericallyAndNullsFirst() {
        List<List<String>> rows = new ArrayList<>(List.of(
                Arrays.asList("10", "b"), Arrays.asList("9", "a"), Arrays.asList(null, "z"),
                Arrays.asList("9", "")));
        rows.sort(ValueComparison.rowOrder(List.of(ValueType.INTEGER, ValueType.STRING)));
        assertThat(rows).containsExactly(Arrays.asList(null, "z"), Arrays.asList("9", ""),
                Arrays.asList("9", "a"), Arrays.asList("10", "b"));
    }

    @Test
    void sqlTypeNamesMapToComparisonClasses() {
        assertThat(ValueType.fromSqlTypeName("HUGEINT")).isEqualTo(ValueType.INTEGER);
        assertThat(ValueType.fromSqlTypeName("BIGINT")).isEqualTo(ValueType.INTEGER);
        assertThat(ValueType.fromSqlTypeName("DECIMAL(18,0)")).isEqualTo(ValueType.INTEGER);
        assertThat(ValueType.fromSqlTypeName("DECIMAL(12,1)")).isEqualTo(ValueType.DOUBLE);
        assertThat(ValueType.fromSqlTypeName("DOUBLE")).isEqualTo(ValueType.DOUBLE);
        assertThat(ValueType.fromSqlTypeName("TIMESTAMP(3)")).isEqualTo(ValueType.TIMESTAMP);
        assertThat(ValueType.fromSqlTypeName("boolean")).isEqualTo(ValueType.BOOLEAN);
        assertThat(ValueType.fromSqlTypeName("VARCHAR")).isEqualTo(ValueType.STRING);
    }
}
