package io.sluice.runtime.window;

import io.sluice.runtime.expr.SqlFunctions;
import io.sluice.runtime.state.MemoryBudget;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session state: per-key lists, slots reused, deadlines in (time, push order), compaction. */
class SessionWindowsTest {

    private static int keyEntry(final SessionWindows s, final long key) {
        s.keys().key()[0] = key;
        return s.keyEntry(SqlFunctions.hash(SqlFunctions.HASH_SEED, key));
    }

    private static List<Integer> sessionsOf(final SessionWindows s, final int keyEntry) {
        final List<Integer> out = new ArrayList<>();
        for (int x = s.head(keyEntry); x >= 0; x = s.next(x)) {
            out.add(x);
        }
        return out;
    }

    @Test
    void sessionsOfAKeyAreListedAndAccumulatorsStartZeroed() {
        try (SessionWindows s = new SessionWindows(1, 16, MemoryBudget.unlimited())) {
            final int a = keyEntry(s, 1);
            final int b = keyEntry(s, 2);
            assertThat(s.head(a)).isEqualTo(-1);
            final int s1 = s.open(a, 0, 10);
            s.buffer().putLong(s.accumulatorOffset(s1), 5);
            final int s2 = s.open(a, 30, 40);
            final int s3 = s.open(b, 5, 15);
            assertThat(sessionsOf(s, a)).containsExactlyInAnyOrder(s1, s2);
            assertThat(sessionsOf(s, b)).containsExactly(s3);
            assertThat(s.keyEntryOf(s3)).isEqualTo(b);
            assertThat(s.buffer().getLong(s.accumulatorOffset(s2))).isZero();
            s.extend(s1, 0, 25);
            assertThat(s.end(s1)).isEqualTo(25);
            s.free(s1);
            assertThat(sessionsOf(s, a)).containsExactly(s2);
            assertThat(s.isLive(s1)).isFalse();
            final int reused = s.open(b, 50, 60);
            assertThat(reused).as("a freed slot is reused").isEqualTo(s1);
            assertThat(s.buffer().getLong(s.accumulatorOffset(reused))).as("and zeroed").isZero();
            assertThat(s.size()).isEqualTo(3);
        }
    }

    @Test
    void anUnlinkedSessionLeavesItsListButStaysAllocatedUntilFreed() {
        try (SessionWindows s = new SessionWindows(1, 8, MemoryBudget.unlimited())) {
            final int a = keyEntry(s, 1);
            final int s1 = s.open(a, 0, 10);
            final int s2 = s.open(a, 20, 30);
            s.unlink(s1);
            assertThat(sessionsOf(s, a)).containsExactly(s2);
            assertThat(s.flags(s1) & SessionWindows.DEAD).isNotZero();
            assertThat(s.isLive(s1)).isTrue();
            assertThat(s.keyEntryOf(s1)).isEqualTo(a);
            s.free(s1);
            assertThat(s.isLive(s1)).isFalse();
            assertThat(sessionsOf(s, a)).containsExactly(s2);
        }
    }

    @Test
    void deadlinesComeOutByTimeThenInTheOrderTheyWereSet() {
        try (SessionWindows s = new SessionWindows(1, 8, MemoryBudget.unlimited())) {
            final long[] times = {50, 10, 30, 10, 70, 30, 20, 10};
            for (int i = 0; i < times.length; i++) {
                s.schedule(i, times[i]);
            }
            assertThat(s.hasDue(9)).isFalse();
            final List<String> out = new ArrayList<>();
            while (s.hasDue(40)) {
                out.add(s.dueTime() + ":" + s.popDue());
            }
            assertThat(out).containsExactly("10:1", "10:3", "10:7", "20:6", "30:2", "30:5");
            assertThat(s.hasScheduled()).isTrue();
            assertThat(s.dueTime()).isEqualTo(50);
            s.schedule(4, 80);
            assertThat(s.scheduledTime(4)).as("the last time set counts; the entry at 70 is stale").isEqualTo(80);
        }
    }

    @Test
    void manyDeadlinesComeOutSorted() {
        try (SessionWindows s = new SessionWindows(1, 8, MemoryBudget.unlimited())) {
            final java.util.Random random = new java.util.Random(5);
            final List<Long> want = new ArrayList<>();
            final int key = keyEntry(s, 1);
            for (int i = 0; i < 5000; i++) {
                final long t = random.nextInt(1000);
                s.schedule(s.open(key, t, t), t);
                want.add(t);
            }
            want.sort(null);
            final List<Long> got = new ArrayList<>();
            while (s.hasScheduled()) {
                got.add(s.dueTime());
                s.popDue();
            }
            assertThat(got).isEqualTo(want);
        }
    }

    @Test
    void compactionDropsKeysWithoutSessionsAndKeepsTheOthersFindable() {
        final MemoryBudget budget = MemoryBudget.unlimited();
        try (SessionWindows s = new SessionWindows(1, 8, budget)) {
            final List<Integer> sessions = new ArrayList<>();
            for (long k = 0; k < 5000; k++) {
                sessions.add(s.open(keyEntry(s, k), k, k + 10));
            }
            for (int k = 0; k < 5000; k++) {
                if (k % 10 != 0) {
                    s.free(sessions.get(k));
                }
            }
            s.compact();
            assertThat(s.keys().size()).isEqualTo(500);
            for (long k = 0; k < 5000; k += 10) {
                final int e = keyEntry(s, k);
                assertThat(s.keys().inserted()).as("key %d kept", k).isFalse();
                final int session = sessions.get((int) k);
                assertThat(sessionsOf(s, e)).containsExactly(session);
                assertThat(s.keyEntryOf(session)).isEqualTo(e);
                assertThat(s.start(session)).isEqualTo(k);
            }
        }
        assertThat(budget.used()).as("close frees everything").isZero();
    }
}
