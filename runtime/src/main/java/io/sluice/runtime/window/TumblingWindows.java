package io.sluice.runtime.window;

/**
 * Tumbling window assignment: a pure function of the timestamp. Windows are {@code [start, start +
 * size)} with {@code start = ts - ((ts - offset) mod size)}, aligned to the epoch plus offset.
 */
public final class TumblingWindows {
    private TumblingWindows() {
    }

    /** Start of the window of {@code size} ms (aligned at {@code offset}) that contains {@code ts}. */
    public static long start(final long ts, final long size, final long offset) {
        return ts - Math.floorMod(ts - offset, size);
    }
}
