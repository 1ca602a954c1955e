package io.sluice.runtime.exec;

/**
 * What a run did, for the summary line and for conservation checks:
 * {@code rowsRead = rowsRejected + rowsFiltered + rowsLate + rowsAggregated}.
 *
 * @param rowsRead     input records read (including rejected ones)
 * @param rowsRejected records that could not be decoded and were skipped
 * @param rowsFiltered rows removed by WHERE
 * @param rowsLate     rows dropped because their window had already fired
 * @param rowsOut      result rows written
 * @param elapsedNanos wall time of the run
 */
public record RunSummary(long rowsRead, long rowsRejected, long rowsFiltered, long rowsLate, long rowsOut,
                         long elapsedNanos) {

    /** Rows that reached the query's aggregation or projection. */
    public long rowsProcessed() {
        return rowsRead - rowsRejected - rowsFiltered - rowsLate;
    }

    /** One line for stderr. */
    public String format() {
        final double seconds = elapsedNanos / 1e9;
        final long perSecond = seconds > 0 ? Math.round(rowsRead / seconds) : 0;
        return String.format(java.util.Locale.ROOT,
            "sluice: %,d rows in, %,d rows out, %,d rejected, %,d filtered, %,d late; %.3f s, %,d rows/s",
            rowsRead, rowsOut, rowsRejected, rowsFiltered, rowsLate, seconds, perSecond);
    }
}
