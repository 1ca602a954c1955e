package io.sluice.runtime.state;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PackedPartialsTest {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * sumFits against its definition in exact arithmetic: true only when every partial sum's bound
     * is in the long range (sound), and true whenever it is and both bounds' products
     * {@code count * min(vlo, 0)}, {@code count * max(vhi, 0)} are longs (PackedPartials.sum needs
     * them; beyond that it answers false and the row loop decides).
     */
    @Property(tries = 3000)
    void sumFitsIsTheBoundOfEveryPartialSum(@ForAll final long acc, @ForAll @IntRange(min = 1, max = 4096) final int count,
                                            @ForAll final long a, @ForAll final long b) {
        final long vlo = Math.min(a, b);
        final long vhi = Math.max(a, b);
        final BigInteger c = BigInteger.valueOf(count);
        final BigInteger lowTotal = c.multiply(BigInteger.valueOf(Math.min(vlo, 0L)));
        final BigInteger highTotal = c.multiply(BigInteger.valueOf(Math.max(vhi, 0L)));
        final boolean fits = BigInteger.valueOf(acc).add(lowTotal).compareTo(MIN) >= 0
            && BigInteger.valueOf(acc).add(highTotal).compareTo(MAX) <= 0;
        final boolean productsAreLongs = lowTotal.compareTo(MIN) >= 0 && highTotal.compareTo(MAX) <= 0;
        final boolean answer = PackedPartials.sumFits(acc, count, vlo, vhi);
        if (answer) {
            assertThat(fits).as("sound").isTrue();
        }
        if (fits && productsAreLongs) {
            assertThat(answer).as("complete where the products are longs").isTrue();
        }
    }

    @Test
    void sumFitsSaysNoWhenABoundsProductIsNoLong() {
        // 2 + 2 * (-2^62 - 1) = -2^63 is a long, but 2 * (-2^62 - 1) is not: the row loop decides
        assertThat(PackedPartials.sumFits(2L, 2, -(1L << 62) - 1, 0L)).isFalse();
    }

    @Test
    void sumFitsAtItsEdges() {
        final long b = 1L << 61;
        assertThat(PackedPartials.sumFits(0L, 3, b, b + 5)).isTrue();
        assertThat(PackedPartials.sumFits(0L, 4, b, b + 5)).isFalse(); // 4 * 2^61 = 2^63
        assertThat(PackedPartials.sumFits(Long.MAX_VALUE - 10, 2, 5, 5)).isTrue();
        assertThat(PackedPartials.sumFits(Long.MAX_VALUE - 10, 3, 5, 5)).isFalse();
        assertThat(PackedPartials.sumFits(Long.MIN_VALUE + 10, 2, -5, 0)).isTrue();
        assertThat(PackedPartials.sumFits(Long.MIN_VALUE + 10, 3, -5, 0)).isFalse();
        assertThat(PackedPartials.sumFits(0L, 1, Long.MIN_VALUE, Long.MIN_VALUE)).isTrue();
        assertThat(PackedPartials.sumFits(-1L, 1, Long.MIN_VALUE, Long.MIN_VALUE)).isFalse();
    }

    @Test
    void everyPackedKeyIsInTheGroupTablesDirectIndex() {
        // foldPacked finds a key's group as GroupTable.directIndex()[key] - 1 once the key is inserted
        assertThat(PackedPartials.KEYS).isLessThanOrEqualTo(GroupTable.DIRECT_LIMIT);
    }

    @Test
    void packableBatches() {
        assertThat(PackedPartials.packable(4096, 0, 4095, -5, (1L << 39) - 6)).isTrue();
        assertThat(PackedPartials.packable(4097, 0, 10, 0, 0)).isFalse();
        assertThat(PackedPartials.packable(10, -1, 10, 0, 0)).isFalse();
        assertThat(PackedPartials.packable(10, 0, 4096, 0, 0)).isFalse();
        assertThat(PackedPartials.packable(10, 0, 10, 0, 1L << 39)).isFalse();
        assertThat(PackedPartials.packable(10, 0, 10, Long.MIN_VALUE, Long.MAX_VALUE)).isFalse(); // the span overflows
        assertThat(PackedPartials.packable(0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0)).isFalse(); // no rows
    }

    /** Packing a batch as the kernel does (one add per row) gives each key's exact count and sum. */
    @Property(tries = 300)
    void wordsHoldEachKeysCountAndSum(@ForAll @IntRange(min = 1, max = 4096) final int n,
                                      @ForAll @IntRange(min = 1, max = 4096) final int keys,
                                      @ForAll final long vlo, @ForAll @LongRange(min = 0, max = (1L << 39) - 1) final long span,
                                      @ForAll final long seed) {
        final long vhi = vlo + span < vlo ? Long.MAX_VALUE : vlo + span;
        final SplittableRandom random = new SplittableRandom(seed);
        final int[] k = new int[n];
        final long[] v = new long[n];
        final long[] count = new long[keys];
        final BigInteger[] sum = new BigInteger[keys];
        java.util.Arrays.fill(sum, BigInteger.ZERO);
        final PackedPartials partials = new PackedPartials();
        final long bias = PackedPartials.bias(vlo);
        for (int i = 0; i < n; i++) {
            k[i] = random.nextInt(keys);
            v[i] = vlo + random.nextLong(vhi - vlo + 1);
            partials.words()[k[i]] += v[i] + bias;
            count[k[i]]++;
            sum[k[i]] = sum[k[i]].add(BigInteger.valueOf(v[i]));
        }
        for (int key = 0; key < keys; key++) {
            final long word = partials.words()[key];
            assertThat(word != 0L).isEqualTo(count[key] > 0);
            assertThat(PackedPartials.count(word)).isEqualTo(count[key]);
            if (count[key] > 0 && PackedPartials.sumFits(0L, count[key], vlo, vhi)) {
                assertThat(BigInteger.valueOf(PackedPartials.sum(word, vlo))).isEqualTo(sum[key]);
            }
        }
        partials.clear(0, keys - 1);
        assertThat(partials.words()).containsOnly(0L);
    }
}
