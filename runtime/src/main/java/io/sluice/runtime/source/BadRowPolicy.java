package io.sluice.runtime.source;

/** What a source does with an input row it cannot decode. */
public enum BadRowPolicy {
    /** Stop the run with {@code file:line:column: reason} (the default: nothing is dropped silently). */
    FAIL,
    /** Count the row, write it to the rejects file with its position and reason, and go on. */
    SKIP
}
