package io.sluice.runtime.window;

import io.sluice.runtime.batch.OffHeapBuffer;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.expr.SqlFunctions;
import io.sluice.runtime.state.GroupTable;
import io.sluice.runtime.state.MemoryBudget;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The session windows of one partition: per group key, a list of sessions {@code [start, end)},
 * each with its accumulators, and the deadlines at which sessions fire or are freed.
 *
 * <p>Layout. A {@link GroupTable} maps each group key to the head of its session list (an 8-byte
 * slot holding {@code head + 1}, 0 for none). Sessions are numbered slots: bounds, list links and
 * flags on the heap, accumulators in one off-heap buffer at {@link #accumulatorOffset(int)}
 * ({@code slotBytes} per session, zeroed when a session opens). Freed slots are reused. Deadlines
 * form a binary min-heap of {@code (time, push order, session)}; each session remembers the time it
 * was last scheduled for ({@link #scheduledTime}), and entries are never removed early: a kernel
 * polls them and ignores those that no longer match that time (or whose session was freed). A
 * session that grows keeps its entry and is rescheduled when that entry comes due, so the heap
 * holds about one entry per session. Sessions with the same deadline come out in the order their
 * deadlines were set.
 *
 * <p>The kernel decides what a session is: it scans a key's list with {@link #head}/{@link #next},
 * merges and extends sessions, and fires or frees them when their deadline comes. Keys whose
 * sessions are all gone stay in the key table until {@link #compact()} rebuilds it. Not thread-safe.
 */
public final class SessionWindows implements AutoCloseable {
    /** Flag: the session changed in the current batch and is in the kernel's dirty list. */
    public static final int DIRTY = 1;
    /** Flag: the session's row, as last emitted, is in the output (its snapshot holds it). */
    public static final int EMITTED = 2;
    /** Flag: the session has fired (it reached its end) and is kept only for late rows. */
    public static final int FIRED = 4;
    /** Flag: the session was merged into another; it stays allocated until the kernel frees it. */
    public static final int DEAD = 8;
    private static final int LIVE = 16;
    private static final long HEAP_BYTES_PER_SESSION = 5 * 8 + 3 * 4 + 20;

    private final int slotBytes;
    private final MemoryBudget budget;
    private GroupTable keys;
    private int liveKeys;

    private long[] starts;
    private long[] ends;
    private long[] emittedStarts;
    private long[] emittedEnds;
    private long[] scheduled;
    private int[] next;
    private int[] keyEntries;
    private int[] flags;
    private OffHeapBuffer accumulatorMemory;
    private UnsafeBuffer accumulators;
    private int capacity;
    private int allocated;
    private int freeHead = -1;
    private int live;

    private long[] heapTimes = new long[64];
    private long[] heapOrder = new long[64];
    private int[] heapSessions = new int[64];
    private int heapSize;
    private long pushes;

    /**
     * @param keyWords         longs per group key
     * @param accumulatorBytes bytes of state per session (rounded up to 8)
     * @param budget           the memory budget growth is charged to
     */
    public SessionWindows(final int keyWords, final int accumulatorBytes, final MemoryBudget budget) {
        this.slotBytes = Math.max(8, (accumulatorBytes + 7) & ~7);
        this.budget = budget;
        this.keys = new GroupTable(keyWords, 8, 64, budget);
        grow(64);
    }

    /** The key table: write a key into its {@link GroupTable#key()}, then call {@link #keyEntry}. */
    public GroupTable keys() {
        return keys;
    }

    /** The key entry of the key in {@code keys().key()}, hashed to {@code hash}; inserted if new. */
    public int keyEntry(final long hash) {
        return keys.findOrInsert(hash);
    }

    /** First session of key entry {@code keyEntry}, or -1. */
    public int head(final int keyEntry) {
        return (int) keys.buffer().getLong(keys.accumulatorOffset(keyEntry)) - 1;
    }

    private void head(final int keyEntry, final int session) {
        keys.buffer().putLong(keys.accumulatorOffset(keyEntry), session + 1L);
    }

    /** The session after {@code s} in its key's list, or -1. */
    public int next(final int s) {
        return next[s];
    }

    public long start(final int s) {
        return starts[s];
    }

    public long end(final int s) {
        return ends[s];
    }

    /** The key entry (in {@link #keys()}) session {@code s} belongs to. */
    public int keyEntryOf(final int s) {
        return keyEntries[s];
    }

    public int flags(final int s) {
        return flags[s];
    }

    public void flags(final int s, final int value) {
        flags[s] = (flags[s] & LIVE) | (value & ~LIVE);
    }

    /** Whether {@code s} is an allocated session (not freed). */
    public boolean isLive(final int s) {
        return s >= 0 && s < allocated && (flags[s] & LIVE) != 0;
    }

    /** Number of allocated sessions. */
    public int size() {
        return live;
    }

    /** The accumulator buffer; re-read after {@link #open}, which may replace it. */
    public UnsafeBuffer buffer() {
        return accumulators;
    }

    /** Byte offset of session {@code s}'s accumulators in {@link #buffer()}. */
    public int accumulatorOffset(final int s) {
        return s * slotBytes;
    }

    /** Start of the session's row as last emitted. */
    public long emittedStart(final int s) {
        return emittedStarts[s];
    }

    /** End of the session's row as last emitted. */
    public long emittedEnd(final int s) {
        return emittedEnds[s];
    }

    /** Records the session's current bounds as those of its emitted row. */
    public void snapshotBounds(final int s) {
        emittedStarts[s] = starts[s];
        emittedEnds[s] = ends[s];
    }

    /** Opens a session {@code [start, end)} with zeroed accumulators at the head of the key's list. */
    public int open(final int keyEntry, final long start, final long end) {
        if (freeHead < 0 && allocated == capacity) {
            grow(capacity * 2);
        }
        final int s;
        if (freeHead >= 0) {
            s = freeHead;
            freeHead = next[s];
        } else {
            s = allocated++;
        }
        starts[s] = start;
        ends[s] = end;
        keyEntries[s] = keyEntry;
        flags[s] = LIVE;
        accumulators.setMemory(s * slotBytes, slotBytes, (byte) 0);
        final int first = head(keyEntry);
        if (first < 0) {
            liveKeys++;
        }
        next[s] = first;
        head(keyEntry, s);
        live++;
        return s;
    }

    /** Sets the bounds of session {@code s} (a merge or a row widened it). */
    public void extend(final int s, final long start, final long end) {
        starts[s] = start;
        ends[s] = end;
    }

    /**
     * Takes {@code s} out of its key's list and flags it {@link #DEAD}: it was merged into another
     * session but stays allocated (the kernel still has to retract its emitted row) until {@link #free}.
     */
    public void unlink(final int s) {
        final int keyEntry = keyEntries[s];
        int prev = -1;
        int cur = head(keyEntry);
        while (cur != s) {
            prev = cur;
            cur = next[cur];
        }
        if (prev < 0) {
            head(keyEntry, next[s]);
        } else {
            next[prev] = next[s];
        }
        if (head(keyEntry) < 0) {
            liveKeys--;
        }
        flags[s] |= DEAD;
    }

    /** Frees session {@code s} (unlinking it first unless it is {@link #DEAD}); its slot is reused. */
    public void free(final int s) {
        if ((flags[s] & DEAD) == 0) {
            unlink(s);
        }
        flags[s] = 0;
        next[s] = freeHead;
        freeHead = s;
        live--;
    }

    // ------------------------------------------------------------------ deadlines

    /** The time session {@code s} was last {@link #schedule scheduled} for. */
    public long scheduledTime(final int s) {
        return scheduled[s];
    }

    /**
     * Schedules session {@code s} to be looked at when the watermark reaches {@code time} (earlier
     * entries for it become stale).
     */
    public void schedule(final int s, final long time) {
        scheduled[s] = time;
        if (heapSize == heapTimes.length) {
            heapTimes = Arrays.copyOf(heapTimes, heapSize * 2);
            heapOrder = Arrays.copyOf(heapOrder, heapSize * 2);
            heapSessions = Arrays.copyOf(heapSessions, heapSize * 2);
        }
        int at = heapSize++;
        final long order = pushes++;
        while (at > 0) {
            final int parent = (at - 1) >>> 1;
            if (!before(time, order, parent)) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        heapTimes[at] = time;
        heapOrder[at] = order;
        heapSessions[at] = s;
    }

    /** Whether a deadline at or before {@code watermark} is pending. */
    public boolean hasDue(final long watermark) {
        return heapSize > 0 && heapTimes[0] <= watermark;
    }

    /** Whether any deadline is pending. */
    public boolean hasScheduled() {
        return heapSize > 0;
    }

    /** Time of the earliest pending deadline; one must be pending. */
    public long dueTime() {
        return heapTimes[0];
    }

    /** Removes the earliest pending deadline and returns its session (which may since have changed). */
    public int popDue() {
        final int s = heapSessions[0];
        heapSize--;
        if (heapSize > 0) {
            // sift the last node down from the root
            final long time = heapTimes[heapSize];
            final long order = heapOrder[heapSize];
            final int session = heapSessions[heapSize];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= heapSize) {
                    break;
                }
                if (child + 1 < heapSize && before(heapTimes[child + 1], heapOrder[child + 1], child)) {
                    child++;
                }
                if (before(time, order, child)) {
                    break;
                }
                move(child, at);
                at = child;
            }
            heapTimes[at] = time;
            heapOrder[at] = order;
            heapSessions[at] = session;
        }
        return s;
    }

    /** Whether {@code (time, order)} sorts before heap node {@code node}. */
    private boolean before(final long time, final long order, final int node) {
        return time < heapTimes[node] || (time == heapTimes[node] && order < heapOrder[node]);
    }

    private void move(final int from, final int to) {
        heapTimes[to] = heapTimes[from];
        heapOrder[to] = heapOrder[from];
        heapSessions[to] = heapSessions[from];
    }

    // ------------------------------------------------------------------ memory

    private void grow(final int newCapacity) {
        final long bytes = (long) newCapacity * slotBytes;
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new DataException("", "session state exceeds 2 GiB (" + newCapacity + " sessions)");
        }
        budget.reserve(bytes + newCapacity * HEAP_BYTES_PER_SESSION);
        final OffHeapBuffer memory = OffHeapBuffer.allocate(bytes);
        if (accumulators != null) {
            memory.buffer().putBytes(0, accumulators, 0, allocated * slotBytes);
            budget.release((long) capacity * slotBytes + capacity * HEAP_BYTES_PER_SESSION);
            accumulatorMemory.close();
        }
        accumulatorMemory = memory;
        accumulators = memory.buffer();
        starts = starts == null ? new long[newCapacity] : Arrays.copyOf(starts, newCapacity);
        ends = ends == null ? new long[newCapacity] : Arrays.copyOf(ends, newCapacity);
        emittedStarts = emittedStarts == null ? new long[newCapacity] : Arrays.copyOf(emittedStarts, newCapacity);
        emittedEnds = emittedEnds == null ? new long[newCapacity] : Arrays.copyOf(emittedEnds, newCapacity);
        scheduled = scheduled == null ? new long[newCapacity] : Arrays.copyOf(scheduled, newCapacity);
        next = next == null ? new int[newCapacity] : Arrays.copyOf(next, newCapacity);
        keyEntries = keyEntries == null ? new int[newCapacity] : Arrays.copyOf(keyEntries, newCapacity);
        flags = flags == null ? new int[newCapacity] : Arrays.copyOf(flags, newCapacity);
        capacity = newCapacity;
    }

    /**
     * Rebuilds the key table without the keys that have no session left, once they outnumber the
     * others (and there are more than a thousand): state of keys that went quiet is released. Key
     * entries change: call it only when the kernel holds no key entry (between batches).
     */
    public void compact() {
        final int size = keys.size();
        if (size <= 1024 || size <= 2 * liveKeys) {
            return;
        }
        final int words = keys.keyWords();
        final GroupTable fresh = new GroupTable(words, 8, Math.max(64, liveKeys * 2), budget);
        final long[] key = fresh.key();
        for (int e = 0; e < size; e++) {
            final int first = head(e);
            if (first < 0) {
                continue;
            }
            long h = SqlFunctions.HASH_SEED;
            for (int w = 0; w < words; w++) {
                key[w] = keys.keyWord(e, w);
                h = SqlFunctions.hash(h, key[w]);
            }
            final int fe = fresh.findOrInsert(h);
            fresh.buffer().putLong(fresh.accumulatorOffset(fe), first + 1L);
            for (int s = first; s >= 0; s = next[s]) {
                keyEntries[s] = fe;
            }
        }
        keys.close();
        keys = fresh;
    }

    @Override
    public void close() {
        if (accumulators != null) {
            keys.close();
            budget.release((long) capacity * slotBytes + capacity * HEAP_BYTES_PER_SESSION);
            accumulatorMemory.close();
            accumulators = null;
        }
    }
}
