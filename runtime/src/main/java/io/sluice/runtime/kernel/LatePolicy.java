package io.sluice.runtime.kernel;

/**
 * What a windowed kernel does with a late row (one whose window has already fired: its end is at or
 * before the watermark in force before the row). Nothing is lost without being counted.
 *
 * @param kind                   the policy
 * @param allowedLatenessMillis  for {@link Kind#ALLOWED_LATENESS}: how long after firing a window
 *                               stays open for late rows (0 otherwise)
 */
public record LatePolicy(Kind kind, long allowedLatenessMillis) {
    /** Drop late rows (the default) and count them. */
    public static final LatePolicy DROP = new LatePolicy(Kind.DROP, 0);

    public LatePolicy {
        if (allowedLatenessMillis < 0 || (kind != Kind.ALLOWED_LATENESS && allowedLatenessMillis != 0)) {
            throw new IllegalArgumentException("allowed lateness " + allowedLatenessMillis + " with " + kind);
        }
    }

    /** The late-data policies. */
    public enum Kind {
        /** Counted and dropped. */
        DROP,
        /** Counted and written, with the reason, to a dead-letter file ({@link LateRowSink}). */
        SIDE_OUTPUT,
        /**
         * The window stays open {@code allowedLatenessMillis} after firing; a late row within that
         * updates it and the update is emitted as {@code -U} (old row) and {@code +U} (new row).
         * Rows later than that are dropped and counted.
         */
        ALLOWED_LATENESS,
        /** Counted in the oldest window still open (or a new one when none is). */
        NEXT_WINDOW
    }
}
