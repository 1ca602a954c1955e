package io.sluice.runtime.window;

/**
 * Cumulative window assignment, as Flink's {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step, size
 * [, offset])}: the time line is cut into base windows of {@code size} ms (aligned to the epoch plus
 * offset, like tumbling windows); each base window {@code [base, base + size)} gives the windows
 * {@code [base, base + step)}, {@code [base, base + 2 step)}, ... {@code [base, base + size)}, all
 * starting at {@code base}. A timestamp belongs to those of its base window whose end is after it:
 * ends from {@link #firstEnd} to {@code base + size} in steps of {@code step}. {@code size} is a
 * multiple of {@code step}.
 */
public final class CumulativeWindows {
    private CumulativeWindows() {
    }

    /** Start shared by every window containing {@code ts}. */
    public static long start(final long ts, final long size, final long offset) {
        return TumblingWindows.start(ts, size, offset);
    }

    /** End of the smallest window containing {@code ts} (the first step boundary after it). */
    public static long firstEnd(final long ts, final long start, final long step) {
        return start + (Math.floorDiv(ts - start, step) + 1) * step;
    }
}
