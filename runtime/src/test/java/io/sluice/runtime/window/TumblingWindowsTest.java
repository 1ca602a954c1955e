package io.sluice.runtime.window;

import io.sluice.runtime.expr.SqlFunctions;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TumblingWindowsTest {
    @ParameterizedTest(name = "start({0}, size {1}, offset {2}) = {3}")
    @CsvSource({
        "0,       1000,  0,    0",
        "999,     1000,  0,    0",
        "1000,    1000,  0,    1000",
        "1500,    1000,  0,    1000",
        "-1,      1000,  0,    -1000",
        "-1000,   1000,  0,    -1000",
        "-1001,   1000,  0,    -2000",
        "-62135596800000, 60000, 0, -62135596800000",
        "1500,    1000,  200,  1200",
        "1100,    1000,  200,  200",
        "200,     1000,  200,  200",
        "199,     1000,  200,  -800",
        "-1,      1000,  200,  -800",
        "1500,    1000,  -200, 800",
        "1500,    1000,  1200, 1200",
        "86399999, 86400000, 0, 0",
    })
    void startOfTheWindowContainingTheTimestamp(final long ts, final long size, final long offset, final long start) {
        assertThat(TumblingWindows.start(ts, size, offset)).isEqualTo(start);
    }

    @Property(tries = 1000, seed = "60000")
    void theWindowContainsTheTimestampAndIsAligned(
        @ForAll @LongRange(min = -100_000_000_000_000L, max = 100_000_000_000_000L) final long ts,
        @ForAll @LongRange(min = 1, max = 7L * 86_400_000) final long size,
        @ForAll @LongRange(min = -86_400_000, max = 86_400_000) final long offset) {
        final long start = TumblingWindows.start(ts, size, offset);
        assertThat(start).isLessThanOrEqualTo(ts);
        assertThat(ts).isLessThan(start + size);
        assertThat(Math.floorMod(start - offset, size)).isZero();
        assertThat(TumblingWindows.start(start, size, offset)).isEqualTo(start);
        assertThat(TumblingWindows.start(start + size - 1, size, offset)).isEqualTo(start);
        assertThat(TumblingWindows.start(ts, size, 0)).isEqualTo(SqlFunctions.tumbleStart(ts, size));
    }
}
