package io.sluice.bench.kernels;

import io.sluice.runtime.batch.ColumnBatch;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The reference issue 3 names for the GROUP BY kernels, measured in the same run as them: a plain
 * Java open-addressing table ({@link Table}) aggregating {@code COUNT(*), SUM(v) GROUP BY k} over
 * the very batches {@link GroupByBigintBenchmark} drives its kernel over (its generator, the same
 * seed), read from the same off-heap columns. Each invocation starts from an empty table, as the
 * kernel's does, so growth is timed in both.
 */
@State(Scope.Thread)
public class JavaTableBenchmark extends GroupByReference {
    private ColumnBatch[] batches;

    @Setup(Level.Trial)
    public void setUp() {
        final long[] sum = new long[1];
        batches = input(sum);
        final Table table = aggregate();
        if (table.size != keys || table.totalCount() != KernelBench.ROWS || table.totalSum() != sum[0]) {
            throw new IllegalStateException("reference table is wrong: " + table.size + " groups, COUNT "
                + table.totalCount() + ", SUM " + table.totalSum() + "; expected " + keys + ", " + KernelBench.ROWS
                + ", " + sum[0]);
        }
    }

    @TearDown(Level.Trial)
    public void free() {
        KernelBench.free(batches);
    }

    /** Every record into a fresh table; the table goes to JMH (returned), so nothing is dead code. */
    @Benchmark
    public Table groupBy() {
        return aggregate();
    }

    private Table aggregate() {
        final Table table = new Table();
        for (final ColumnBatch batch : batches) {
            final UnsafeBuffer k = batch.column(0).data();
            final UnsafeBuffer v = batch.column(1).data();
            final int n = batch.rowCount();
            for (int i = 0; i < n; i++) {
                table.add(k.getLong(i << 3), v.getLong(i << 3));
            }
        }
        return table;
    }

    /**
     * A plain open-addressing table from a BIGINT key to COUNT(*) and SUM(v): one {@code long[]}
     * of four-word slots (key, count, sum, unused), so that a row touches one slot, linear probing
     * from a one-multiply hash (the product's high half, masked), at most half full, doubled by
     * rehash; a slot whose count is 0 is free (every group counts at least one row). The hash is
     * the cheapest that spreads this benchmark's keys, so the reference is not slowed by it: with
     * MurmurHash3's finalizer (two multiplies, three shifts) the table ran at 64M rows/s at 1K keys,
     * with the product's top bits at 40M (they pair up for these keys), with the high half at 311M
     * (an ad-hoc harness). The benchmark's keys, a key index times an odd constant, are an
     * arithmetic progression, which a multiplicative hash spreads with almost no collisions:
     * on 1K random 64-bit keys the same table ran at 92M.
     */
    public static final class Table {
        private long[] slots = new long[16 * 4];
        private int mask = 15;
        int size;

        void add(final long key, final long v) {
            final long[] t = slots;
            int at = slot(key) << 2;
            while (t[at + 1] != 0 && t[at] != key) {
                at = (at + 4) & (t.length - 1);
            }
            if (t[at + 1] == 0) {
                t[at] = key;
                t[at + 1] = 1;
                t[at + 2] = v;
                if (++size > (mask + 1) / 2) {
                    grow();
                }
                return;
            }
            t[at + 1]++;
            t[at + 2] += v;
        }

        private void grow() {
            final long[] old = slots;
            slots = new long[old.length * 2];
            mask = (slots.length >> 2) - 1;
            for (int s = 0; s < old.length; s += 4) {
                if (old[s + 1] != 0) {
                    int at = slot(old[s]) << 2;
                    while (slots[at + 1] != 0) {
                        at = (at + 4) & (slots.length - 1);
                    }
                    System.arraycopy(old, s, slots, at, 3);
                }
            }
        }

        /** The key's home slot: the high half of the key times an odd constant, masked. */
        private int slot(final long key) {
            return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> 32) & mask;
        }

        long totalCount() {
            return total(1);
        }

        long totalSum() {
            return total(2);
        }

        private long total(final int word) {
            long c = 0;
            for (int s = word; s < slots.length; s += 4) {
                c += slots[s];
            }
            return c;
        }
    }
}
