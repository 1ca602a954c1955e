package io.sluice.compiler.kernel;

import io.sluice.compiler.CompileOptions;
import io.sluice.compiler.Sluice;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.expr.SqlFunctions;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.simd.VectorSupport;
import io.sluice.runtime.state.MemoryBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups of a GROUP BY kernel with one NOT NULL integer key (GroupAggregateKernel.java.ftl): a
 * batch whose keys are all small goes through the direct index ({@code foldSmall}), any other batch
 * by hash: in the row loop through the table's cache while the table is small ({@code foldHashed},
 * up to 32768 groups: the first batches here), beyond that with slot words read a pass ahead of
 * the probe ({@code lookAhead}, then {@code entries}, or {@code foldLooked} once the entries
 * outgrow the caches), so a word may be stale by the time it is used (an earlier row of the batch inserted a key, or grew and rehashed the table). The
 * batches here mix those on purpose: all-small batches, batches of small, negative and huge keys,
 * batches where most rows bring a new key (several rehashes within one batch), keys whose hashes
 * share the 32 bits a slot word keeps, keys that share one slot of the cache (seed 5's first batch),
 * and the same small key first seen by hash, then by the
 * direct index. Each run is checked against a {@link LinkedHashMap} of the same rows: the groups,
 * their order (the final table lists groups in order of first appearance) and their counts and
 * sums; for both twins, with and without a WHERE (the SIMD twin selects rows in lanes first).
 */
class SingleKeyLookupTest {
    static final int ROWS = 2048;

    static Stream<Arguments> cases() {
        final List<Arguments> cases = new ArrayList<>();
        for (final boolean simd : new boolean[] {true, false}) {
            for (final boolean where : new boolean[] {false, true}) {
                for (final long seed : new long[] {1, 2, 3, 5}) {
                    cases.add(Arguments.of(simd, where, seed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "simd={0} where={1} seed={2}")
    @MethodSource("cases")
    void everyRowReachesItsGroupWhateverMixOfKeysABatchHas(final boolean simd, final boolean where, final long seed)
        throws Exception {
        final long[] colliding = collidingKeys();
        final long[] fresh = {1L << 40};
        final int groups = run(simd, where ? 10 : -1, 20, 120, seed, (b, random) -> switch ((int) ((b + seed) % 6)) {
            // each seed starts the empty table with another mix
            case 0 -> random.nextInt(300);                         // all small: direct index
            case 1 -> switch (random.nextInt(5)) {                 // small, negative, huge, new,
                case 0 -> random.nextInt(300);                     // same 32-bit hash
                case 4 -> colliding[random.nextInt(colliding.length)];
                case 1 -> -1 - random.nextInt(50);
                case 2 -> Long.MAX_VALUE - random.nextInt(50);
                default -> fresh[0]++;
            };
            case 2 -> fresh[0]++;                                  // every row a new key: rehashes
            case 3 -> random.nextInt(4) == 0 ? 300 + random.nextInt(700) : fresh[0] - random.nextInt(5000);
            case 5 -> switch (random.nextInt(3)) {
                case 0 -> (1L << 45) + random.nextInt(40) * CACHE_INVERSE;      // one cache slot
                case 1 -> CACHE_INVERSE * ((long) random.nextInt(600) << (48 + random.nextInt(9))); // an empty slot's key
                default -> -(1L << 45) - random.nextInt(400);
            };
            default -> random.nextBoolean() ? 1_000 + random.nextInt(2_000) : (1L << 20) + random.nextInt(5);
        });
        assertThat(groups).as("beyond the groups one loop folds through the cache").isGreaterThan(32_768);
    }

    /**
     * A table that outgrows the caches (entries beyond 8 MiB: more than 262,144 groups of 32
     * bytes), where lookAhead() probes ahead for each key's slot and loads the entries ahead, and
     * foldLooked() resolves each row as it folds it (a stale word: the row is taken again): 220
     * batches, three rows in four a new key, the rest earlier keys (old and recent) and keys whose
     * hashes share the 32 bits a slot word keeps; the same check against a map, both twins.
     */
    @ParameterizedTest(name = "simd={0} where={1}")
    @MethodSource("largeCases")
    void aTableBeyondTheCachesStillFindsEveryGroup(final boolean simd, final boolean where) throws Exception {
        final long[] colliding = collidingKeys();
        final long spread = 0x9E3779B97F4A7C15L;
        final long[] fresh = {0};
        final int groups = run(simd, where ? 0 : -1, 10, 220, 7, (b, random) -> {
            final int pick = random.nextInt(8);
            return pick < 6 || fresh[0] == 0 ? ++fresh[0] * spread                             // new
                : pick == 6 ? random.nextLong(1, fresh[0] + 1) * spread                        // any earlier key
                : random.nextBoolean() ? colliding[random.nextInt(colliding.length)]
                : (fresh[0] - random.nextInt((int) Math.min(fresh[0], 100))) * spread;    // a recent key
        });
        assertThat(groups).as("groups: entries beyond 8 MiB").isGreaterThan(where ? 262_144 : 300_000);
    }

    /** The key of the next row of batch b. */
    @FunctionalInterface
    interface Keys {
        long next(int b, SplittableRandom random);
    }

    /**
     * Runs {@code SELECT k, COUNT(*), SUM(v) ... GROUP BY k} (with {@code WHERE v > whereAbove}
     * unless it is negative) over {@code batches} batches of ROWS rows, keys from {@code keys}, v
     * uniform in [0, values), and checks the final table against a LinkedHashMap of the same rows:
     * one row per group, in order of first appearance, with its count and sum. Returns the groups.
     */
    private static int run(final boolean simd, final long whereAbove, final int values, final int batches, final long seed,
                           final Keys keys) throws Exception {
        final CompiledQuery query = Sluice.compile("""
            CREATE TABLE t (k BIGINT NOT NULL, v BIGINT NOT NULL) WITH ('format' = 'csv');
            SELECT k, COUNT(*) AS n, SUM(v) AS total FROM t""" + (whereAbove >= 0 ? " WHERE v > " + whereAbove : "")
            + " GROUP BY k", CompileOptions.FINAL_TABLE);
        final StringDictionary dictionary = new StringDictionary();
        final SplittableRandom random = new SplittableRandom(seed);
        final Map<Long, long[]> expected = new LinkedHashMap<>();
        final List<long[]> actual = new ArrayList<>();
        final KernelContext context = new KernelContext(dictionary, MemoryBudget.unlimited(), LatePolicy.DROP,
            LateRowSink.NONE, simd && VectorSupport.AVAILABLE);
        try (Kernel kernel = query.kernels().create(context);
             ColumnBatch batch = new ColumnBatch(query.plan().input(), ROWS, dictionary)) {
            for (int b = 0; b < batches; b++) {
                batch.reset();
                for (int i = 0; i < ROWS; i++) {
                    final long k = keys.next(b, random);
                    final long v = random.nextInt(values);
                    final int row = batch.addRow((long) b * ROWS + i + 1, Long.MIN_VALUE);
                    batch.column(0).setLong(row, k);
                    batch.column(1).setLong(row, v);
                    if (v > whereAbove) {
                        final long[] acc = expected.computeIfAbsent(k, x -> new long[2]);
                        acc[0]++;
                        acc[1] += v;
                    }
                }
                kernel.process(batch, row -> actual.add(new long[] {row.getLong(0), row.getLong(1), row.getLong(2)}));
            }
            kernel.finish(row -> actual.add(new long[] {row.getLong(0), row.getLong(1), row.getLong(2)}));
        }
        assertThat(actual).hasSize(expected.size());
        int g = 0;
        for (final Map.Entry<Long, long[]> e : expected.entrySet()) {
            final long[] row = actual.get(g++);
            if (row[0] != e.getKey() || row[1] != e.getValue()[0] || row[2] != e.getValue()[1]) {
                assertThat(row).as("result row %d", g - 1).containsExactly(e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
        }
        return expected.size();
    }

    static Stream<Arguments> largeCases() {
        return Stream.of(Arguments.of(true, false), Arguments.of(false, false), Arguments.of(true, true));
    }

    /** k and k + j * CACHE_INVERSE share a slot of GroupTable's cache (the inverse of its multiplier mod 2^64). */
    static final long CACHE_INVERSE = inverse(0xC2B2AE3D27D4EB4FL);

    static long inverse(final long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }

    /** Pairs of keys whose hashes share the 32 bits the table's slot words keep (found by search). */
    static long[] collidingKeys() {
        final Map<Integer, Long> seen = new java.util.HashMap<>();
        final List<Long> keys = new ArrayList<>();
        for (long k = 1L << 50; keys.size() < 8; k++) {
            final Long other = seen.putIfAbsent((int) (SqlFunctions.hash(SqlFunctions.HASH_SEED, k) >>> 32), k);
            if (other != null) {
                keys.add(other);
                keys.add(k);
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }
}
