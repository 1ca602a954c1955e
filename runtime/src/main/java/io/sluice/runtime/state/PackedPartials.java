package io.sluice.runtime.state;

import java.util.Arrays;

/**
 * One batch's COUNT and SUM per small key, packed in one {@code long} per key so that a row costs
 * one read-modify-write of an on-heap array: {@code words[key] += v + bias(vlo)}. A word holds the
 * key's row count in its top 13 bits (from {@link #COUNT_SHIFT}) and the sum of {@code v - vlo}
 * over those rows in the 51 bits below, where {@code vlo} is the batch's smallest {@code v}.
 * Direct-index GROUP BY kernels fold a batch here, then move each key's count and sum into its
 * group's accumulators (see GroupAggregateKernel.java.ftl, {@code foldPacked}).
 *
 * <p>Invariants: a batch qualifies only when {@link #packable} holds (at most {@link #KEYS} rows,
 * keys in [0, {@link #KEYS}), {@code vhi - vlo < }{@link #SPAN}); then no field of a word
 * overflows: at most 2^12 rows, each adding {@code v - vlo < 2^39} (sums below 2^51) and one count
 * unit. A word is 0 exactly when its key had no row (each row adds at least one count unit);
 * {@link #clear} zeroes the batch's key range before the next batch. Not thread-safe.
 */
public final class PackedPartials {
    /** Keys [0, KEYS) have a word (32 KiB: stays in the L1 cache), and a batch has at most KEYS rows. */
    public static final int KEYS = 4096;
    /** Bit where a word's count starts; the sum of {@code v - vlo} is below it. */
    public static final int COUNT_SHIFT = 51;
    /** A batch's values must span less than this ({@code vhi - vlo}), so KEYS rows sum below 2^51. */
    public static final long SPAN = 1L << 39;
    private static final long SUM_MASK = (1L << COUNT_SHIFT) - 1;

    private final long[] words = new long[KEYS];

    /** The words, indexed by key; the kernel's row loop adds to them directly. */
    public long[] words() {
        return words;
    }

    /**
     * Whether a batch of {@code n} rows with keys in [klo, khi] and values in [vlo, vhi] fits the
     * packing (vlo = vhi = 0 when only rows are counted). An empty batch (klo > khi) does not.
     */
    public static boolean packable(final int n, final long klo, final long khi, final long vlo, final long vhi) {
        final long span = vhi - vlo; // negative when it overflows: not packable
        return n <= KEYS && klo >= 0 && klo <= khi && khi < KEYS && span >= 0 && span < SPAN;
    }

    /** What a row of value v adds to its key's word: one count unit and {@code v - vlo}, mod 2^64. */
    public static long bias(final long vlo) {
        return (1L << COUNT_SHIFT) - vlo;
    }

    /** The rows a word counted. */
    public static long count(final long word) {
        return word >>> COUNT_SHIFT;
    }

    /**
     * The sum of v over a word's rows, exact when {@link #sumFits} held for it (then
     * {@code count * vlo} is a long, and so is the sum, which lies between that and {@code count * vhi}).
     */
    public static long sum(final long word, final long vlo) {
        return (word & SUM_MASK) + count(word) * vlo;
    }

    /**
     * Whether adding {@code count} values in [vlo, vhi] one by one to {@code acc} (checked
     * arithmetic, as the row loop adds) cannot overflow at any step: every partial sum then lies in
     * {@code [acc + count * min(vlo, 0), acc + count * max(vhi, 0)]}, so that range must be in the
     * long range. When it is not, or when {@code count * min(vlo, 0)} or {@code count * max(vhi, 0)}
     * is itself beyond the long range (then {@link #sum} could not be computed in a long, though the
     * partial sums might fit), the answer is false and the batch goes row by row, which finds the
     * row that overflows (or that none does).
     */
    public static boolean sumFits(final long acc, final long count, final long vlo, final long vhi) {
        final long low = Math.min(vlo, 0L);
        final long high = Math.max(vhi, 0L);
        final long lowTotal = count * low;
        final long highTotal = count * high;
        return Math.multiplyHigh(count, low) == lowTotal >> 63 && Math.multiplyHigh(count, high) == highTotal >> 63
            && acc >= Long.MIN_VALUE - lowTotal && acc <= Long.MAX_VALUE - highTotal;
    }

    /** Zeroes the words of keys [klo, khi] (a batch's key range) for the next batch. */
    public void clear(final int klo, final int khi) {
        Arrays.fill(words, klo, khi + 1, 0L);
    }
}
