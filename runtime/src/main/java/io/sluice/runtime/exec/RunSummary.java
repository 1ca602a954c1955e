package io.sluice.runtime.exec;

import java.util.List;
import java.util.Locale;

/**
 * What a run did. Conservation holds for every run and is checked by the runner:
 * {@code rowsRead = rowsRejected + rowsProcessed} and
 * {@code rowsProcessed = rowsFiltered + rowsLate + rowsAggregated}.
 *
 * @param rowsRead     input records read (including rejected ones)
 * @param rowsRejected records that could not be decoded and were skipped
 * @param rowsFiltered rows removed by WHERE
 * @param rowsLate     rows whose window had already fired (dropped, side output, or too late)
 * @param rowsOut      result rows written
 * @param elapsedNanos wall time of the run
 * @param watermark    the query watermark before end of input
 * @param partitions   per-partition figures
 */
public record RunSummary(long rowsRead, long rowsRejected, long rowsFiltered, long rowsLate, long rowsOut,
                         long elapsedNanos, long watermark, List<PartitionReport> partitions) {

    /** Rows decoded and routed to a partition. */
    public long rowsProcessed() {
        return rowsRead - rowsRejected;
    }

    /** Rows that reached the aggregation or projection. */
    public long rowsAggregated() {
        return rowsProcessed() - rowsFiltered - rowsLate;
    }

    /** One line for stderr. */
    public String format() {
        final double seconds = elapsedNanos / 1e9;
        final long perSecond = seconds > 0 ? Math.round(rowsRead / seconds) : 0;
        return String.format(Locale.ROOT,
            "sluice: %,d rows in, %,d rows out, %,d rejected, %,d filtered, %,d late; %.3f s, %,d rows/s",
            rowsRead, rowsOut, rowsRejected, rowsFiltered, rowsLate, seconds, perSecond);
    }
}
