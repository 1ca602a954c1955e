package io.sluice.runtime.window;

import io.sluice.runtime.state.GroupTable;
import io.sluice.runtime.state.MemoryBudget;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class OpenWindowsTest {
    private static void put(final GroupTable t, final long key) {
        t.key()[0] = key;
        t.findOrInsert(key * 0x9E3779B97F4A7C15L);
    }

    @Test
    void emptyUntilATableIsAskedFor() {
        try (OpenWindows w = new OpenWindows(1, 8, MemoryBudget.unlimited())) {
            assertThat(w.isEmpty()).isTrue();
            assertThat(w.size()).isZero();
            w.table(1000);
            assertThat(w.isEmpty()).isFalse();
            assertThat(w.size()).isEqualTo(1);
        }
    }

    @Test
    void theSameStartGivesTheSameTable() {
        try (OpenWindows w = new OpenWindows(1, 8, MemoryBudget.unlimited())) {
            final GroupTable a = w.table(0);
            final GroupTable b = w.table(60_000);
            assertThat(b).isNotSameAs(a);
            assertThat(w.table(0)).isSameAs(a);
            assertThat(w.table(60_000)).isSameAs(b);
            assertThat(w.size()).isEqualTo(2);
        }
    }

    @Test
    void outOfOrderStartsStayOrderedAndReleaseOldestFirst() {
        try (OpenWindows w = new OpenWindows(1, 8, MemoryBudget.unlimited())) {
            final long[] starts = {5000, 1000, 3000, -2000, 4000, 1000, 0, 6000, 2000, -2000};
            final Map<Long, GroupTable> tables = new TreeMap<>();
            for (final long s : starts) {
                final GroupTable t = w.table(s);
                final GroupTable before = tables.putIfAbsent(s, t);
                if (before != null) {
                    assertThat(t).isSameAs(before);
                }
                put(t, s);
            }
            assertThat(w.size()).isEqualTo(tables.size());
            final List<Long> released = new ArrayList<>();
            while (!w.isEmpty()) {
                final long oldest = w.oldestStart();
                assertThat(w.oldest()).isSameAs(tables.get(oldest));
                assertThat(w.oldest().keyWord(0, 0)).isEqualTo(oldest);
                released.add(oldest);
                w.releaseOldest();
            }
            assertThat(released).containsExactly(-2000L, 0L, 1000L, 2000L, 3000L, 4000L, 5000L, 6000L);
        }
    }

    @Test
    void releasedTablesArePooledClearedAndReused() {
        final MemoryBudget budget = MemoryBudget.unlimited();
        try (OpenWindows w = new OpenWindows(1, 8, budget)) {
            final GroupTable first = w.table(0);
            for (int k = 0; k < 500; k++) {
                put(first, k);
            }
            final GroupTable second = w.table(1000);
            w.releaseOldest();
            assertThat(w.oldestStart()).isEqualTo(1000);
            final long used = budget.used();
            final GroupTable reused = w.table(2000);
            assertThat(reused).isSameAs(first);
            assertThat(reused.size()).isZero();
            assertThat(budget.used()).as("a pooled table allocates nothing new").isEqualTo(used);
            put(reused, 7);
            assertThat(reused.inserted()).isTrue();
            assertThat(w.oldest()).isSameAs(second);
        }
        assertThat(budget.used()).as("close frees open and pooled tables").isZero();
    }

    @Test
    void manyWindowsOpenedAndReleasedInAStreamKeepOrder() {
        // a sliding set of open windows: the backing arrays wrap, compact and grow
        final Random random = new Random(3);
        try (OpenWindows w = new OpenWindows(1, 8, MemoryBudget.unlimited())) {
            final TreeMap<Long, GroupTable> model = new TreeMap<>();
            final Map<GroupTable, Boolean> distinct = new IdentityHashMap<>();
            long base = 0;
            for (int step = 0; step < 20_000; step++) {
                if (random.nextInt(3) > 0 || model.isEmpty()) {
                    final long start = (base + random.nextInt(40)) * 1000;
                    final GroupTable t = w.table(start);
                    final GroupTable expected = model.get(start);
                    if (expected != null) {
                        assertThat(t).isSameAs(expected);
                    } else {
                        assertThat(t.size()).isZero();
                        model.put(start, t);
                    }
                    distinct.put(t, true);
                } else {
                    assertThat(w.oldestStart()).isEqualTo(model.firstKey());
                    assertThat(w.oldest()).isSameAs(model.firstEntry().getValue());
                    w.releaseOldest();
                    model.pollFirstEntry();
                    if (random.nextInt(10) == 0) {
                        base++;
                    }
                }
                assertThat(w.size()).isEqualTo(model.size());
            }
            assertThat(distinct.size()).as("tables are reused, not made per window").isLessThan(200);
        }
    }

    @Property(tries = 200, seed = "99")
    void releasesInStartOrderWhateverTheArrivalOrder(
        @ForAll @Size(max = 40) final List<@LongRange(min = -50, max = 50) Long> arrivals) {
        try (OpenWindows w = new OpenWindows(1, 8, MemoryBudget.unlimited())) {
            for (final long a : arrivals) {
                w.table(a * 1000);
            }
            final List<Long> expected = arrivals.stream().distinct().map(a -> a * 1000).sorted().toList();
            final List<Long> released = new ArrayList<>();
            while (!w.isEmpty()) {
                released.add(w.oldestStart());
                w.releaseOldest();
            }
            assertThat(released).isEqualTo(expected);
        }
    }
}
