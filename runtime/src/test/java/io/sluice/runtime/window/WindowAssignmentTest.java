package io.sluice.runtime.window;

import io.sluice.runtime.state.GroupTable;
import io.sluice.runtime.state.MemoryBudget;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window assignment (HOP, CUMULATE) against a brute-force enumeration of the windows Flink
 * defines, and {@link OpenWindows} keyed by (start, end) in end order.
 */
class WindowAssignmentTest {

    /** Hopping windows of ts, as the kernel enumerates them: newest start first. */
    private static List<long[]> hop(final long ts, final long slide, final long size, final long offset) {
        final List<long[]> out = new ArrayList<>();
        for (long s = HoppingWindows.lastStart(ts, slide, offset); HoppingWindows.contains(s, ts, size); s -= slide) {
            out.add(new long[] {s, s + size});
        }
        return out;
    }

    /** Every window [offset + k * slide, + size) that contains ts, by scanning k. */
    private static List<long[]> hopBruteForce(final long ts, final long slide, final long size, final long offset) {
        final List<long[]> out = new ArrayList<>();
        final long k0 = Math.floorDiv(ts - offset, slide);
        for (long k = k0; k > k0 - size / slide - 2; k--) {
            final long s = offset + k * slide;
            if (s <= ts && ts < s + size) {
                out.add(new long[] {s, s + size});
            }
        }
        return out;
    }

    @Property(tries = 500)
    void hopGivesExactlyTheWindowsContainingTheTimestamp(@ForAll @LongRange(min = -100_000, max = 100_000) final long ts,
                                                         @ForAll @IntRange(min = 1, max = 50) final int slide,
                                                         @ForAll @IntRange(min = 1, max = 6) final int multiple,
                                                         @ForAll @IntRange(min = 0, max = 30) final int extra,
                                                         @ForAll @IntRange(min = 0, max = 49) final int offset) {
        final long size = (long) slide * multiple + Math.min(extra, slide - 1); // any size >= slide
        final List<long[]> got = hop(ts, slide, size, offset % slide);
        final List<long[]> want = hopBruteForce(ts, slide, size, offset % slide);
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).containsExactly(want.get(i));
        }
        assertThat(got).isNotEmpty();
        assertThat(got.getFirst()[1]).as("the first window is the newest").isGreaterThan(ts);
    }

    @Test
    void hopExample() {
        // HOP(slide 5 s, size 10 s): 00:00:07 is in [0, 10) and [5, 15)
        final List<long[]> w = hop(7_000, 5_000, 10_000, 0);
        assertThat(w).hasSize(2);
        assertThat(w.get(0)).containsExactly(5_000, 15_000);
        assertThat(w.get(1)).containsExactly(0, 10_000);
        // a negative timestamp aligns to the epoch too
        assertThat(hop(-1, 5_000, 10_000, 0).get(0)).containsExactly(-5_000, 5_000);
    }

    @Property(tries = 500)
    void cumulateGivesTheWindowsOfTheBaseWindowEndingAfterTheTimestamp(
        @ForAll @LongRange(min = -100_000, max = 100_000) final long ts,
        @ForAll @IntRange(min = 1, max = 50) final int step,
        @ForAll @IntRange(min = 1, max = 8) final int steps,
        @ForAll @IntRange(min = 0, max = 400) final int offset) {
        final long size = (long) step * steps;
        final long start = CumulativeWindows.start(ts, size, offset % size);
        final List<Long> ends = new ArrayList<>();
        for (long end = CumulativeWindows.firstEnd(ts, start, step); end <= start + size; end += step) {
            ends.add(end);
        }
        final List<Long> want = new ArrayList<>();
        for (int k = 1; k <= steps; k++) {
            if (start + (long) k * step > ts) {
                want.add(start + (long) k * step);
            }
        }
        assertThat(start).isLessThanOrEqualTo(ts).isGreaterThan(ts - size);
        assertThat(Math.floorMod(start - offset % size, size)).isZero();
        assertThat(ends).isEqualTo(want).isNotEmpty();
        assertThat(ends.getLast()).isEqualTo(start + size);
    }

    @Test
    void cumulateExample() {
        // CUMULATE(step 10 s, size 30 s): 00:00:12 is in [0, 20) and [0, 30), not in [0, 10)
        assertThat(CumulativeWindows.start(12_000, 30_000, 0)).isZero();
        assertThat(CumulativeWindows.firstEnd(12_000, 0, 10_000)).isEqualTo(20_000);
        assertThat(CumulativeWindows.firstEnd(10_000, 0, 10_000)).as("an end is exclusive").isEqualTo(20_000);
        assertThat(CumulativeWindows.firstEnd(9_999, 0, 10_000)).isEqualTo(10_000);
    }

    @Test
    void openWindowsOrdersByEndThenStartAndReleasesInThatOrder() {
        try (OpenWindows w = new OpenWindows(1, 8, MemoryBudget.unlimited())) {
            // cumulative windows share a start; hopping windows of one size have distinct ends
            final long[][] windows = {{0, 30}, {0, 10}, {10, 40}, {0, 20}, {-10, 20}, {10, 40}, {20, 30}};
            final List<GroupTable> tables = new ArrayList<>();
            for (final long[] win : windows) {
                tables.add(w.table(win[0], win[1]));
            }
            assertThat(tables.get(5)).as("the same (start, end) is the same window").isSameAs(tables.get(2));
            assertThat(w.size()).isEqualTo(6);
            final List<String> order = new ArrayList<>();
            for (int k = 0; k < w.size(); k++) {
                order.add(w.startAt(k) + "-" + w.endAt(k));
                assertThat(w.tableAt(k)).isSameAs(w.table(w.startAt(k), w.endAt(k)));
            }
            assertThat(order).containsExactly("0-10", "-10-20", "0-20", "0-30", "20-30", "10-40");
            final List<String> released = new ArrayList<>();
            while (!w.isEmpty()) {
                released.add(w.oldestStart() + "-" + w.oldestEnd());
                w.releaseOldest();
            }
            assertThat(released).isEqualTo(order);
        }
    }

    @Test
    void aKeyIsLookedUpInSeveralTablesThroughTheScratchKey() {
        try (OpenWindows w = new OpenWindows(2, 8, MemoryBudget.unlimited())) {
            final long[] key = w.key();
            key[0] = 42;
            key[1] = 7;
            final GroupTable a = w.table(0, 10);
            final GroupTable b = w.table(5, 15);
            final int ea = a.findOrInsert(key, 99);
            assertThat(a.inserted()).isTrue();
            final int eb = b.findOrInsert(key, 99);
            assertThat(b.inserted()).isTrue();
            assertThat(a.findOrInsert(key, 99)).isEqualTo(ea);
            assertThat(a.inserted()).isFalse();
            assertThat(b.find(key, 99)).isEqualTo(eb);
            assertThat(a.keyWord(ea, 0)).isEqualTo(42);
            assertThat(a.keyWord(ea, 1)).isEqualTo(7);
            key[1] = 8;
            assertThat(a.find(key, 99)).isEqualTo(-1);
        }
    }
}
