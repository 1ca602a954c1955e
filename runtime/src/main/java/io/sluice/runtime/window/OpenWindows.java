package io.sluice.runtime.window;

import io.sluice.runtime.state.GroupTable;
import io.sluice.runtime.state.MemoryBudget;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The windows of one partition that have rows and have not fired yet, each with its own group
 * table, ordered by start. Fired windows give their table back to a pool, so state for closed
 * windows is released and reused rather than reallocated.
 *
 * <p>Lookups search from the newest window, where in-order streams land. Not thread-safe.
 */
public final class OpenWindows implements AutoCloseable {
    private final int keyWords;
    private final int accumulatorBytes;
    private final MemoryBudget budget;
    private final ArrayDeque<GroupTable> pool = new ArrayDeque<>();
    private long[] starts = new long[8];
    private GroupTable[] tables = new GroupTable[8];
    private int head;
    private int count;

    public OpenWindows(final int keyWords, final int accumulatorBytes, final MemoryBudget budget) {
        this.keyWords = keyWords;
        this.accumulatorBytes = accumulatorBytes;
        this.budget = budget;
    }

    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The table of the window starting at {@code start}, opened if needed. */
    public GroupTable table(final long start) {
        int k = count - 1;
        while (k >= 0 && starts[head + k] > start) {
            k--;
        }
        if (k >= 0 && starts[head + k] == start) {
            return tables[head + k];
        }
        return open(k + 1, start);
    }

    private GroupTable open(final int position, final long start) {
        if (head + count == starts.length) {
            if (head > 0) {
                System.arraycopy(starts, head, starts, 0, count);
                System.arraycopy(tables, head, tables, 0, count);
                Arrays.fill(tables, count, head + count, null);
                head = 0;
            } else {
                starts = Arrays.copyOf(starts, starts.length * 2);
                tables = Arrays.copyOf(tables, tables.length * 2);
            }
        }
        final int at = head + position;
        System.arraycopy(starts, at, starts, at + 1, count - position);
        System.arraycopy(tables, at, tables, at + 1, count - position);
        final GroupTable table = pool.isEmpty() ? new GroupTable(keyWords, accumulatorBytes, 64, budget) : pool.pop();
        starts[at] = start;
        tables[at] = table;
        count++;
        return table;
    }

    /** Start of the oldest open window; the set must not be empty. */
    public long oldestStart() {
        return starts[head];
    }

    /** Table of the oldest open window; the set must not be empty. */
    public GroupTable oldest() {
        return tables[head];
    }

    /** Closes the oldest window: its table is cleared and pooled. */
    public void releaseOldest() {
        final GroupTable t = tables[head];
        t.clear();
        pool.push(t);
        tables[head] = null;
        head++;
        count--;
        if (count == 0) {
            head = 0;
        }
    }

    @Override
    public void close() {
        for (int k = 0; k < count; k++) {
            tables[head + k].close();
        }
        for (final GroupTable t : pool) {
            t.close();
        }
        pool.clear();
        count = 0;
    }
}
