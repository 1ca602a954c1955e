package io.sluice.runtime.time;

import io.sluice.runtime.batch.ColumnBatch;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkTrackerTest {
    @Test
    void noWatermarkBeforeTheFirstRow() {
        assertThat(new WatermarkTracker(1000).current()).isEqualTo(ColumnBatch.NO_WATERMARK);
    }

    @Test
    void delayIsSubtractedFromTheLargestEventTime() {
        final WatermarkTracker w = new WatermarkTracker(2000);
        assertThat(w.delayMillis()).isEqualTo(2000);
        w.observe(10_000);
        assertThat(w.current()).isEqualTo(8000);
        w.observe(15_500);
        assertThat(w.current()).isEqualTo(13_500);
    }

    @Test
    void outOfOrderRowsDoNotMoveItBack() {
        final WatermarkTracker w = new WatermarkTracker(100);
        w.observe(5000);
        w.observe(1000);
        assertThat(w.current()).isEqualTo(4900);
        w.observe(5000);
        assertThat(w.current()).isEqualTo(4900);
        w.observe(4999);
        assertThat(w.current()).isEqualTo(4900);
        w.observe(5001);
        assertThat(w.current()).isEqualTo(4901);
    }

    @Test
    void zeroDelayFollowsTheEventTime() {
        final WatermarkTracker w = new WatermarkTracker(0);
        w.observe(-3000);
        assertThat(w.current()).isEqualTo(-3000);
        w.observe(-2000);
        assertThat(w.current()).isEqualTo(-2000);
    }

    @Test
    void negativeEventTimesBefore1970Count() {
        final WatermarkTracker w = new WatermarkTracker(10);
        w.observe(-62_135_596_800_000L);
        assertThat(w.current()).isEqualTo(-62_135_596_800_010L);
    }

    @Test
    void negativeDelayIsRejected() {
        assertThatThrownBy(() -> new WatermarkTracker(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-1");
    }

    @Property(tries = 300, seed = "7")
    void isMonotoneAndEqualsMaxSeenMinusDelay(
        @ForAll @Size(min = 1, max = 60) final List<@LongRange(min = -10_000_000_000L, max = 10_000_000_000L) Long> times,
        @ForAll @LongRange(min = 0, max = 86_400_000) final long delay) {
        final WatermarkTracker w = new WatermarkTracker(delay);
        long previous = w.current();
        long max = Long.MIN_VALUE;
        for (final long t : times) {
            w.observe(t);
            max = Math.max(max, t);
            assertThat(w.current()).isGreaterThanOrEqualTo(previous).isEqualTo(max - delay);
            previous = w.current();
        }
    }
}
