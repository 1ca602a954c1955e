package io.sluice.runtime.window;

import io.sluice.runtime.state.GroupTable;
import io.sluice.runtime.state.MemoryBudget;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The windows of one partition that hold state, each identified by its {@code [start, end)} and
 * holding its own group table, ordered by end, then start: the order windows fire in. Tumbling,
 * hopping and cumulative windows all live here (a hopping or cumulative row updates several).
 * Released windows give their table back to a pool, so state for closed windows is released and
 * reused rather than reallocated.
 *
 * <p>Windows are read by position: {@code 0} is the oldest (smallest end), {@link #size()}{@code -1}
 * the newest. Lookups search from the newest window, where in-order streams land. Not thread-safe.
 */
public final class OpenWindows implements AutoCloseable {
    private final int keyWords;
    private final int accumulatorBytes;
    private final MemoryBudget budget;
    private final ArrayDeque<GroupTable> pool = new ArrayDeque<>();
    private final long[] key;
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private GroupTable[] tables = new GroupTable[8];
    private int head;
    private int count;

    public OpenWindows(final int keyWords, final int accumulatorBytes, final MemoryBudget budget) {
        this.keyWords = keyWords;
        this.accumulatorBytes = accumulatorBytes;
        this.budget = budget;
        this.key = new long[keyWords];
    }

    /**
     * A scratch key of the tables' width: a row's group key, written once and looked up in each of
     * its windows with {@link GroupTable#findOrInsert(long[], long)}.
     */
    public long[] key() {
        return key;
    }

    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The table of the window identified by {@code start} alone, opened if needed: for windows of
     * one size (tumbling), where start order is end order. Same as {@code table(start, start)}.
     */
    public GroupTable table(final long start) {
        return table(start, start);
    }

    /** The table of the window {@code [start, end)}, opened if needed. */
    public GroupTable table(final long start, final long end) {
        int k = count - 1;
        while (k >= 0 && after(head + k, start, end)) {
            k--;
        }
        if (k >= 0 && starts[head + k] == start && ends[head + k] == end) {
            return tables[head + k];
        }
        return open(k + 1, start, end);
    }

    /** Whether the window at array index {@code at} sorts after {@code [start, end)}. */
    private boolean after(final int at, final long start, final long end) {
        return ends[at] > end || (ends[at] == end && starts[at] > start);
    }

    private GroupTable open(final int position, final long start, final long end) {
        if (head + count == starts.length) {
            if (head > 0) {
                System.arraycopy(starts, head, starts, 0, count);
                System.arraycopy(ends, head, ends, 0, count);
                System.arraycopy(tables, head, tables, 0, count);
                Arrays.fill(tables, count, head + count, null);
                head = 0;
            } else {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
                tables = Arrays.copyOf(tables, tables.length * 2);
            }
        }
        final int at = head + position;
        System.arraycopy(starts, at, starts, at + 1, count - position);
        System.arraycopy(ends, at, ends, at + 1, count - position);
        System.arraycopy(tables, at, tables, at + 1, count - position);
        final GroupTable table = pool.isEmpty() ? new GroupTable(keyWords, accumulatorBytes, 64, budget) : pool.pop();
        starts[at] = start;
        ends[at] = end;
        tables[at] = table;
        count++;
        return table;
    }

    /** Start of the window at {@code position} (0 = oldest). */
    public long startAt(final int position) {
        return starts[head + position];
    }

    /** End of the window at {@code position} (0 = oldest). */
    public long endAt(final int position) {
        return ends[head + position];
    }

    /** Table of the window at {@code position} (0 = oldest). */
    public GroupTable tableAt(final int position) {
        return tables[head + position];
    }

    /** Start of the oldest open window; the set must not be empty. */
    public long oldestStart() {
        return starts[head];
    }

    /** End of the oldest open window; the set must not be empty. */
    public long oldestEnd() {
        return ends[head];
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
