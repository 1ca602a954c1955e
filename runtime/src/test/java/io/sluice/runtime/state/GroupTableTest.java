package io.sluice.runtime.state;

import io.sluice.runtime.error.DataException;
import io.sluice.runtime.expr.SqlFunctions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupTableTest {
    /** A decent 64-bit mix of the key words (what generated code does, in spirit). */
    private static long hash(final long[] key) {
        long h = 0x243F6A8885A308D3L;
        for (final long w : key) {
            h = (h ^ w) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return h;
    }

    private static int find(final GroupTable t, final long... key) {
        System.arraycopy(key, 0, t.key(), 0, key.length);
        return t.findOrInsert(hash(key));
    }

    private static List<Long> keyOf(final GroupTable t, final int e, final int words) {
        final List<Long> k = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            k.add(t.keyWord(e, w));
        }
        return k;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void insertThenFindWithOneToThreeKeyWords(final int words) {
        try (GroupTable t = new GroupTable(words, 16, 4, MemoryBudget.unlimited())) {
            final long[] a = new long[words];
            final long[] b = new long[words];
            for (int w = 0; w < words; w++) {
                a[w] = 10 + w;
                b[w] = 10 + w;
            }
            b[words - 1] = -7; // differs only in the last word

            final int ea = find(t, a);
            assertThat(t.inserted()).isTrue();
            final int eb = find(t, b);
            assertThat(t.inserted()).isTrue();
            assertThat(eb).isNotEqualTo(ea);
            assertThat(find(t, a)).isEqualTo(ea);
            assertThat(t.inserted()).isFalse();
            assertThat(find(t, b)).isEqualTo(eb);
            assertThat(t.inserted()).isFalse();
            assertThat(t.size()).isEqualTo(2);
            for (int w = 0; w < words; w++) {
                assertThat(t.keyWord(ea, w)).isEqualTo(a[w]);
                assertThat(t.keyWord(eb, w)).isEqualTo(b[w]);
            }
            assertThat(t.accumulatorOffset(eb)).isEqualTo(t.offset(eb) + words * 8);
            assertThat(t.offset(eb) - t.offset(ea)).isEqualTo((eb - ea) * (words * 8 + 16));
        }
    }

    @Test
    void keysWithTheSameHashAreStillDistinct() {
        try (GroupTable t = new GroupTable(2, 8, 16, MemoryBudget.unlimited())) {
            for (int i = 0; i < 1000; i++) {
                t.key()[0] = i % 7;
                t.key()[1] = i;
                final int e = t.findOrInsert(42); // every key collides
                assertThat(t.inserted()).isTrue();
                assertThat(e).isEqualTo(i);
            }
            for (int i = 999; i >= 0; i--) {
                t.key()[0] = i % 7;
                t.key()[1] = i;
                assertThat(t.findOrInsert(42)).isEqualTo(i);
                assertThat(t.inserted()).isFalse();
            }
        }
    }

    @Test
    void accumulatorsAreZeroOnInsertAlsoWhenMemoryIsReusedAfterClear() {
        try (GroupTable t = new GroupTable(1, 20, 16, MemoryBudget.unlimited())) {
            for (int i = 0; i < 10; i++) {
                final int e = find(t, i);
                final UnsafeBuffer b = t.buffer();
                b.setMemory(t.accumulatorOffset(e), 24, (byte) 0xFF); // 20 rounds up to 24
            }
            t.clear();
            for (int i = 100; i < 110; i++) {
                final int e = find(t, i);
                assertThat(t.inserted()).isTrue();
                for (int off = 0; off < 24; off++) {
                    assertThat(t.buffer().getByte(t.accumulatorOffset(e) + off)).as("entry %d byte %d", e, off).isZero();
                }
                assertThat(t.keyWord(e, 0)).isEqualTo(i);
            }
        }
    }

    @Test
    void smallKeysAreFoundByIndexAndForgottenOnClear() {
        final MemoryBudget budget = new MemoryBudget(64L << 20);
        try (GroupTable t = new GroupTable(1, 8, 16, budget)) {
            final long[] keys = {0, 7, 300, GroupTable.DIRECT_LIMIT - 1, GroupTable.DIRECT_LIMIT, -1, Long.MAX_VALUE, 5_000};
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < keys.length; i++) {
                    assertThat(t.findOrInsertSmall(keys[i])).isEqualTo(i);
                    assertThat(t.inserted()).isTrue();
                }
                for (int i = 0; i < keys.length; i++) {
                    // by index or by hash: the same entry, whichever lookup inserted it
                    assertThat(t.findOrInsertSmall(keys[i])).isEqualTo(i);
                    assertThat(t.inserted()).isFalse();
                    assertThat(t.findOrInsert1(keys[i], SqlFunctions.hash(SqlFunctions.HASH_SEED, keys[i]))).isEqualTo(i);
                }
                final int[] direct = t.directIndex();
                assertThat(direct.length).isEqualTo(GroupTable.DIRECT_LIMIT);
                assertThat(direct[7]).isEqualTo(2);
                assertThat(direct[GroupTable.DIRECT_LIMIT - 1]).isEqualTo(4);
                t.clear(); // a fired window's table, pooled: no key of the last window may be found in the next
                assertThat(t.directIndex()).containsOnly(0);
                assertThat(t.findOrInsertSmall(300)).isEqualTo(0);
                assertThat(t.inserted()).isTrue();
                t.clear();
            }
        }
        assertThat(budget.used()).isZero();
    }

    @Test
    void clearEmptiesTheTable() {
        try (GroupTable t = new GroupTable(1, 8, 16, MemoryBudget.unlimited())) {
            for (int i = 0; i < 100; i++) {
                find(t, i);
            }
            t.clear();
            assertThat(t.size()).isZero();
            assertThat(find(t, 5)).isEqualTo(0);
            assertThat(t.inserted()).isTrue();
            assertThat(find(t, 6)).isEqualTo(1);
            assertThat(find(t, 5)).isEqualTo(0);
            assertThat(t.inserted()).isFalse();
            assertThat(t.size()).isEqualTo(2);
        }
    }

    @Test
    void growthPastInitialCapacityKeepsEveryEntryAndItsAccumulators() {
        final MemoryBudget budget = MemoryBudget.unlimited();
        final Map<List<Long>, long[]> expected = new HashMap<>();
        final Random random = new Random(100_000);
        try (GroupTable t = new GroupTable(2, 16, 1, budget)) {
            for (int i = 0; i < 100_000; i++) {
                final long k0 = random.nextLong();
                final long k1 = random.nextInt(1000);
                final long delta = random.nextLong();
                final int e = find(t, k0, k1);
                final List<Long> key = List.of(k0, k1);
                assertThat(t.inserted()).isEqualTo(!expected.containsKey(key));
                final long[] acc = expected.computeIfAbsent(key, k -> new long[2]);
                acc[0]++;
                acc[1] += delta;
                final UnsafeBuffer b = t.buffer(); // re-read: growth replaces it
                final int at = t.accumulatorOffset(e);
                b.putLong(at, b.getLong(at) + 1);
                b.putLong(at + 8, b.getLong(at + 8) + delta);
            }
            // a second pass hitting existing keys only
            for (final Map.Entry<List<Long>, long[]> en : expected.entrySet()) {
                final int e = find(t, en.getKey().get(0), en.getKey().get(1));
                assertThat(t.inserted()).isFalse();
                t.buffer().putLong(t.accumulatorOffset(e), t.buffer().getLong(t.accumulatorOffset(e)) + 1);
                en.getValue()[0]++;
            }
            assertThat(t.size()).isEqualTo(expected.size());
            assertThat(budget.used()).isPositive();
            final Map<List<Long>, List<Long>> actual = new HashMap<>();
            for (int e = 0; e < t.size(); e++) {
                final int at = t.accumulatorOffset(e);
                actual.put(keyOf(t, e, 2), List.of(t.buffer().getLong(at), t.buffer().getLong(at + 8)));
            }
            final Map<List<Long>, List<Long>> wanted = new HashMap<>();
            expected.forEach((k, v) -> wanted.put(k, List.of(v[0], v[1])));
            assertThat(actual).isEqualTo(wanted);
        }
        assertThat(budget.used()).as("close gives every reserved byte back").isZero();
    }

    @Test
    void exceedingTheMemoryBudgetIsADataExceptionNamingTheLimitAndTheFlag() {
        final MemoryBudget budget = new MemoryBudget(1 << 20);
        try (GroupTable t = new GroupTable(1, 8, 16, budget)) {
            assertThatThrownBy(() -> {
                for (long i = 0; i < 1_000_000; i++) {
                    find(t, i);
                }
            }).isInstanceOf(DataException.class)
                .hasMessageContaining("1 MiB")
                .hasMessageContaining("--max-state-memory");
            assertThat(budget.used()).isLessThanOrEqualTo(1 << 20);
            // the groups inserted before the limit are all still there
            final int size = t.size();
            assertThat(size).isGreaterThan(1000);
            for (int i = 0; i < size; i++) {
                assertThat(find(t, i)).isEqualTo(i);
                assertThat(t.inserted()).isFalse();
            }
        }
        assertThat(budget.used()).isZero();
    }

    @Test
    void aTableTooLargeForTheBudgetFailsAtCreation() {
        assertThatThrownBy(() -> new GroupTable(1, 8, 1 << 20, new MemoryBudget(3L << 30 >> 10)))
            .isInstanceOf(DataException.class)
            .hasMessage("group state needs more than the state memory limit of 3 MiB (raise it with --max-state-memory)");
    }

    @Test
    void memoryBudgetNamesOddLimitsInBytes() {
        final MemoryBudget b = new MemoryBudget(1000);
        b.reserve(600);
        assertThatThrownBy(() -> b.reserve(401)).isInstanceOf(DataException.class)
            .hasMessageContaining("1000 bytes").hasMessageContaining("--max-state-memory");
        b.reserve(400);
        b.release(1000);
        assertThat(b.used()).isZero();
        assertThat(new MemoryBudget(4L << 30).limit()).isEqualTo(MemoryBudget.DEFAULT_LIMIT);
    }

    @Test
    void closingTwiceIsSafe() {
        final MemoryBudget budget = MemoryBudget.unlimited();
        final GroupTable t = new GroupTable(1, 8, 16, budget);
        find(t, 1);
        t.close();
        t.close();
        assertThat(budget.used()).isZero();
    }

    // ---------------------------------------------------------------- property against HashMap

    /** One step: add {@code delta} to the group {@code (a, b)}, or clear the table when {@code clear}. */
    record Op(long a, long b, long delta, boolean clear) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        final Arbitrary<Op> add = net.jqwik.api.Combinators.combine(
                Arbitraries.longs().between(-3, 3), Arbitraries.of(0L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, -1L),
                Arbitraries.longs().between(-1000, 1000))
            .as((a, b, d) -> new Op(a, b, d, false));
        final Arbitrary<Op> clear = Arbitraries.just(new Op(0, 0, 0, true));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(60, add), net.jqwik.api.Tuple.of(1, clear))
            .list().ofMaxSize(400);
    }

    @Property(tries = 300, seed = "12345")
    void behavesLikeAHashMapUnderHeavyCollisions(@ForAll("ops") final List<Op> ops,
                                                 @ForAll @IntRange(min = 0, max = 3) final int hashBits) {
        final Map<List<Long>, Long> model = new HashMap<>();
        final MemoryBudget budget = MemoryBudget.unlimited();
        try (GroupTable t = new GroupTable(2, 8, 1, budget)) {
            for (final Op op : ops) {
                if (op.clear()) {
                    t.clear();
                    model.clear();
                    continue;
                }
                t.key()[0] = op.a();
                t.key()[1] = op.b();
                // a hash with only hashBits bits: at most 8 distinct values for 35 keys
                final long h = (op.a() * 31 + op.b()) & ((1L << hashBits) - 1);
                final int e = t.findOrInsert(h);
                final List<Long> key = List.of(op.a(), op.b());
                assertThat(t.inserted()).isEqualTo(!model.containsKey(key));
                final int at = t.accumulatorOffset(e);
                t.buffer().putLong(at, t.buffer().getLong(at) + op.delta());
                model.merge(key, op.delta(), Long::sum);
                assertThat(t.size()).isEqualTo(model.size());
            }
            final Map<List<Long>, Long> actual = new HashMap<>();
            for (int e = 0; e < t.size(); e++) {
                actual.put(keyOf(t, e, 2), t.buffer().getLong(t.accumulatorOffset(e)));
            }
            assertThat(actual).isEqualTo(model);
        }
        assertThat(budget.used()).isZero();
    }

    /**
     * What a kernel's passes do with slot words read ahead (lookAhead, then foldLooked or entries):
     * every row's slot word read before any row of its batch is looked up (probed to the key's
     * slot, or only its home slot), then each row resolved with entryOf, and a row whose word does
     * not name its key (new, displaced, or stale after inserts and rehashes) given the word
     * findOrInsertWord returns, which entryOf must resolve. Hashes of few bits make long probes and
     * stale words the rule; the entries match a map's (first appearance since the last clear).
     */
    @Property(tries = 200, seed = "777")
    void slotWordsReadAheadResolveToTheKeysEntryOrAreReplaced(@ForAll("cachedKeys") final List<Long> keys,
                                                               @ForAll("hashBits") final int hashBits,
                                                               @ForAll final boolean probeAhead,
                                                               @ForAll @IntRange(min = 1, max = 300) final int batchRows) {
        final MemoryBudget budget = MemoryBudget.unlimited();
        final int stride = GroupTable.entryBytes(1, 8);
        try (GroupTable t = new GroupTable(1, 8, 1, budget)) {
            final Map<Long, Integer> model = new HashMap<>();
            final long[] hashes = new long[batchRows];
            final long[] words = new long[batchRows];
            for (int from = 0; from < keys.size(); from += batchRows) {
                final List<Long> batch = keys.subList(from, Math.min(keys.size(), from + batchRows));
                if (batch.contains(Long.MIN_VALUE + 1)) { // a clear, between batches (as a fired window)
                    t.clear();
                    model.clear();
                }
                final long[] slots = t.slots();
                for (int s = 0; s < batch.size(); s++) {
                    final long k = batch.get(s);
                    hashes[s] = SqlFunctions.hash(SqlFunctions.HASH_SEED, k) & (((1L << hashBits) - 1) << 32);
                    words[s] = probeAhead ? GroupTable.slotWord(slots, slots.length - 1, hashes[s])
                        : slots[(int) (hashes[s] >>> 32) & (slots.length - 1)];
                }
                for (int s = 0; s < batch.size(); s++) {
                    final long k = batch.get(s);
                    if (k == Long.MIN_VALUE + 1) {
                        continue;
                    }
                    final long base = t.buffer().addressOffset();
                    int e = GroupTable.entryOf(words[s], k, hashes[s], base, stride);
                    if (e < 0) {
                        words[s] = t.findOrInsertWord(k, hashes[s]);
                        e = GroupTable.entryOf(words[s], k, hashes[s], t.buffer().addressOffset(), stride);
                    }
                    assertThat(e).isEqualTo(model.computeIfAbsent(k, x -> model.size()));
                    assertThat(t.keyWord(e, 0)).isEqualTo(k);
                }
                assertThat(t.size()).isEqualTo(model.size());
            }
        }
        assertThat(budget.used()).isZero();
    }

    /** Bits of hash (its high half only: the tag and the slot): few, so that keys share hashes and probes are long. */
    @Provide
    Arbitrary<Integer> hashBits() {
        return Arbitraries.of(4, 10, 32);
    }

    /** The inverse of the cache's multiplier mod 2^64 (Newton's iteration): k and k + CACHE_INVERSE share a slot. */
    private static final long CACHE_INVERSE = inverse(0xC2B2AE3D27D4EB4FL);

    private static long inverse(final long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }

    /**
     * What a kernel's row loop does with the cache: the entry whose accumulators the slot names when
     * it holds the key (read at cacheOffset, as the kernel reads it), else findOrInsertCached.
     */
    private static int lookUp(final GroupTable t, final long key) {
        final long[] cache = t.cache();
        final long slot = GroupTable.cacheOffset(key, t.cacheShift());
        final int c = GroupTable.cacheSlot(key, t.cacheShift());
        assertThat(UnsafeApi.getLong(cache, slot)).isEqualTo(cache[c]);
        assertThat(UnsafeApi.getLong(cache, slot + 8)).isEqualTo(cache[c + 1]);
        if (UnsafeApi.getLong(cache, slot) != key) {
            return t.findOrInsertCached(key);
        }
        final int acc = (int) UnsafeApi.getLong(cache, slot + 8);
        final int e = acc / 16; // entries of 16 bytes (a key word, 8 bytes of accumulators), these at 8
        assertThat(t.accumulatorOffset(e)).isEqualTo(acc);
        return e;
    }

    /**
     * Keys drawn from a small set (so they repeat), with pairs that share a cache slot at every
     * cache size, zero (the empty slot's key word), negative and huge keys, through enough distinct
     * keys to grow the cache several times and past its largest size, with clears between: the
     * cached lookup gives the entry of the key's first appearance since the last clear, as a map
     * does, and the budget is whole again after close.
     */
    @Property(tries = 200, seed = "4242")
    void cachedLookupsBehaveLikeAMapThroughGrowthCollisionsAndClears(@ForAll("cachedKeys") final List<Long> keys) {
        final MemoryBudget budget = MemoryBudget.unlimited();
        try (GroupTable t = new GroupTable(1, 8, 1, budget)) {
            final Map<Long, Integer> model = new HashMap<>();
            for (final long k : keys) {
                if (k == Long.MIN_VALUE + 1) {
                    t.clear();
                    model.clear();
                    continue;
                }
                final int e = lookUp(t, k);
                assertThat(e).isEqualTo(model.computeIfAbsent(k, x -> model.size()));
                assertThat(t.keyWord(e, 0)).isEqualTo(k);
                assertThat(t.size()).isEqualTo(model.size());
                if (model.size() % 256 == 0) {
                    assertCacheNamesOnlyItsKeysEntries(t);
                }
            }
            assertCacheNamesOnlyItsKeysEntries(t);
        }
        assertThat(budget.used()).isZero();
    }

    /**
     * Every slot that holds a key of its own (filled) names the accumulators of the entry that holds
     * that key; every other (empty) slot holds a key of another slot, which no lookup can match.
     */
    private static void assertCacheNamesOnlyItsKeysEntries(final GroupTable t) {
        final long[] cache = t.cache();
        for (int c = 0; c < cache.length; c += 2) {
            if (GroupTable.cacheSlot(cache[c], t.cacheShift()) == c) {
                final int e = (int) cache[c + 1] / 16;
                assertThat(e).isBetween(0, t.size() - 1);
                assertThat(t.accumulatorOffset(e)).isEqualTo((int) cache[c + 1]);
                assertThat(t.keyWord(e, 0)).isEqualTo(cache[c]);
            }
        }
    }

    /** Whether no slot of the cache holds a key (each holds a key of another slot). */
    private static boolean cacheIsEmpty(final GroupTable t) {
        final long[] cache = t.cache();
        for (int c = 0; c < cache.length; c += 2) {
            if (GroupTable.cacheSlot(cache[c], t.cacheShift()) == c) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<List<Long>> cachedKeys() {
        final Arbitrary<Long> base = Arbitraries.longs().between(0, 40);
        final Arbitrary<Long> key = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, base),
            net.jqwik.api.Tuple.of(5, base.map(b -> b + CACHE_INVERSE)),      // shares b's slot
            net.jqwik.api.Tuple.of(5, base.map(b -> b * CACHE_INVERSE * 3)),  // shares slots with its neighbours
            net.jqwik.api.Tuple.of(2, base.map(b -> -b)),
            net.jqwik.api.Tuple.of(3, base.map(b -> CACHE_INVERSE * (b << (48 + b % 9)))), // empty slots' keys, 64K to 256 slots
            net.jqwik.api.Tuple.of(2, base.map(b -> Long.MAX_VALUE - b)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1_000, 1_000 + 6_000)), // many distinct: growth
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Long.MIN_VALUE + 1)));             // a clear
        return key.list().ofMinSize(1).ofMaxSize(3_000);
    }

    @Test
    void aClearedTableForgetsItsCachedKeys() {
        try (GroupTable t = new GroupTable(1, 8, 4, MemoryBudget.unlimited())) {
            for (long k = 0; k < 5_000; k++) {
                assertThat(lookUp(t, k * 7919)).isEqualTo((int) k);
            }
            assertThat(t.cache().length).as("the largest cache: 64K slots").isEqualTo(2 << 16);
            assertThat(lookUp(t, 0L)).isEqualTo(0);
            t.clear();
            assertThat(cacheIsEmpty(t)).as("no slot holds a key of its own").isTrue();
            assertThat(lookUp(t, 7919L * 3)).isEqualTo(0);
            assertThat(t.inserted()).isTrue();
            assertThat(lookUp(t, 0L)).isEqualTo(1);
        }
    }
}
