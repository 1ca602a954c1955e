package io.sluice.runtime.time;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {
    private static final DateTimeFormatter JAVA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final long YEAR_1 = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final long YEAR_9999_END = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000).toInstant(ZoneOffset.UTC).toEpochMilli();

    private static long millis(final String isoUtc) {
        return Instant.parse(isoUtc).toEpochMilli();
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-02 03:04:05,      2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05,      2024-01-02T03:04:05Z",
        "2024-01-02 03:04:05.1,    2024-01-02T03:04:05.100Z",
        "2024-01-02 03:04:05.12,   2024-01-02T03:04:05.120Z",
        "2024-01-02 03:04:05.123,  2024-01-02T03:04:05.123Z",
        "2024-01-02T03:04:05.007,  2024-01-02T03:04:05.007Z",
        "2024-02-29 23:59:59.999,  2024-02-29T23:59:59.999Z",
        "2000-02-29 00:00:00,      2000-02-29T00:00:00Z",
        "1969-12-31 23:59:59.999,  1969-12-31T23:59:59.999Z",
        "1900-03-01 12:00:00,      1900-03-01T12:00:00Z",
        "0001-01-01 00:00:00,      0001-01-01T00:00:00Z",
        "9999-12-31 23:59:59.999,  9999-12-31T23:59:59.999Z",
    })
    void parsesDateTimeText(final String text, final String iso) {
        assertThat(Timestamps.parse(text)).isEqualTo(millis(iso));
    }

    @ParameterizedTest
    @CsvSource({
        "0,                    0",
        "1,                    1",
        "1700000000123,        1700000000123",
        "-1,                   -1",
        "-86400001,            -86400001",
        "-62135596800000,      -62135596800000",
        "999999999999999999,   999999999999999999",
        "-999999999999999999,  -999999999999999999",
    })
    void parsesEpochMillisIncludingNegative(final String text, final long expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2023-02-29 00:00:00", "1900-02-29 00:00:00", "2024-04-31 00:00:00", "2024-13-01 00:00:00",
        "2024-00-10 00:00:00", "2024-01-00 00:00:00", "2024-01-32 00:00:00", "2024-01-01 24:00:00",
        "2024-01-01 23:60:00", "2024-01-01 23:59:60", "2024/01/01 00:00:00", "2024-01-01X00:00:00",
        "2024-01-01 00:00:00.", "2024-01-01 00:00:00.1234", "2024-01-01 00:00:00Z", "2024-01-01 00:00:00 ",
        "2024-01-01 00:00:0a", "2024-1-01 00:00:00", "2024-01-01", "2024-01-01 00:00", "", "-", "abc", "+5",
        "1.5", "1e3", "9999999999999999999", "99999999999999999999", "2024-01-01 00:00:00,123", "２０２４",
    })
    void rejectsWhatIsNotATimestamp(final String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Timestamps.INVALID);
    }

    @Example
    void parsesASliceOfALargerArray() {
        final byte[] b = "xx2024-01-02 03:04:05.5yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.parse(b, 2, 21)).isEqualTo(millis("2024-01-02T03:04:05.500Z"));
        assertThat(Timestamps.parse(b, 2, 19)).isEqualTo(millis("2024-01-02T03:04:05Z"));
        final byte[] e = "a-1234b".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.parse(e, 1, 5)).isEqualTo(-1234L);
    }

    @ParameterizedTest
    @CsvSource({
        "0,                 1970-01-01 00:00:00.000",
        "-1,                1969-12-31 23:59:59.999",
        "-86400000,         1969-12-31 00:00:00.000",
        "-86400001,         1969-12-30 23:59:59.999",
        "951782400000,      2000-02-29 00:00:00.000",
        "1709251199999,     2024-02-29 23:59:59.999",
        "-62135596800000,   0001-01-01 00:00:00.000",
        "253402300799999,   9999-12-31 23:59:59.999",
    })
    void formatsWithMillisIncludingBefore1970(final long millis, final String expected) {
        assertThat(Timestamps.format(millis)).isEqualTo(expected);
        assertThat(Timestamps.format(millis, new StringBuilder("ts=")).toString()).isEqualTo("ts=" + expected);
    }

    @Property(tries = 2000, seed = "1970")
    void formatAgreesWithJavaTimeAndParseInvertsIt(@ForAll("yearsOneToNineThousandNineHundredNinetyNine") final long millis) {
        final String text = Timestamps.format(millis);
        assertThat(text).isEqualTo(JAVA.format(Instant.ofEpochMilli(millis)));
        assertThat(Timestamps.parse(text)).isEqualTo(millis);
    }

    @Property(tries = 1000, seed = "2024")
    void parseAgreesWithJavaTimeForEveryFractionLengthAndSeparator(
        @ForAll("yearsOneToNineThousandNineHundredNinetyNine") final long millis,
        @ForAll @IntRange(min = 0, max = 3) final int fractionDigits,
        @ForAll final boolean isoSeparator) {
        final LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        final String pattern = "yyyy-MM-dd'" + (isoSeparator ? "T" : " ") + "'HH:mm:ss" + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits));
        final String text = DateTimeFormatter.ofPattern(pattern).format(t);
        final long expected = Math.floorDiv(millis, 1000) * 1000 + switch (fractionDigits) {
            case 0 -> 0;
            case 1 -> Math.floorMod(millis, 1000) / 100 * 100;
            case 2 -> Math.floorMod(millis, 1000) / 10 * 10;
            default -> Math.floorMod(millis, 1000);
        };
        assertThat(Timestamps.parse(text)).as(text).isEqualTo(expected);
    }

    @Property(tries = 1000, seed = "42")
    void epochMillisTextParsesToItsValue(@ForAll @LongRange(min = -999_999_999_999_999_999L, max = Long.MAX_VALUE) final long millis) {
        assertThat(Timestamps.parse(Long.toString(millis))).isEqualTo(millis);
    }

    @Provide
    Arbitrary<Long> yearsOneToNineThousandNineHundredNinetyNine() {
        return Arbitraries.longs().between(YEAR_1, YEAR_9999_END)
            .edgeCases(c -> c.add(0L, -1L, YEAR_1, YEAR_9999_END, millis("2024-02-29T00:00:00Z")));
    }
}
