package io.sluice.runtime.source;

/** Receives input rows skipped under {@link BadRowPolicy#SKIP}, with where they were and why. */
public interface RejectedRows {
    /**
     * @param file   the file name as the user gave it
     * @param line   1-based line of the row's start
     * @param column 1-based character column of the offending field
     * @param reason why the row was rejected
     * @param row    the row's raw text
     */
    void reject(String file, long line, int column, String reason, String row);

    /** A sink that only counts on its caller: for runs whose policy is FAIL. */
    RejectedRows NONE = (file, line, column, reason, row) -> {
        throw new IllegalStateException("rejected row without a rejects sink: " + file + ":" + line);
    };
}
