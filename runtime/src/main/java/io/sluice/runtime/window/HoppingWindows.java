package io.sluice.runtime.window;

/**
 * Hopping (sliding) window assignment, as Flink's {@code HOP(TABLE t, DESCRIPTOR(ts), slide, size
 * [, offset])}: windows {@code [start, start + size)} start every {@code slide} ms (aligned to the
 * epoch plus offset), so a timestamp belongs to every window whose start is in {@code (ts - size,
 * ts]}: from {@link #lastStart} down in steps of {@code slide} while {@code start > ts - size}.
 */
public final class HoppingWindows {
    private HoppingWindows() {
    }

    /** Start of the newest window containing {@code ts} (the one with the largest start and end). */
    public static long lastStart(final long ts, final long slide, final long offset) {
        return TumblingWindows.start(ts, slide, offset);
    }

    /** Whether a window starting at {@code start} contains {@code ts}. */
    public static boolean contains(final long start, final long ts, final long size) {
        return start > ts - size;
    }
}
