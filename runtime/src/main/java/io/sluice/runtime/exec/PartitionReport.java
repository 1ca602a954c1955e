package io.sluice.runtime.exec;

/**
 * What one processing partition did in a run.
 *
 * @param partition      its index
 * @param rowsIn         rows routed to it
 * @param rowsOut        result rows it emitted
 * @param rowsFiltered   rows its WHERE removed
 * @param rowsLate       late rows it counted (dropped, side output or too late for allowed lateness)
 * @param watermark      the last watermark it reached before end of input
 * @param batches        batches it processed
 * @param maxQueueDepth  the deepest its input queue got
 * @param p50Micros      median batch processing time
 * @param p99Micros      99th percentile batch processing time
 * @param maxMicros      slowest batch
 */
public record PartitionReport(int partition, long rowsIn, long rowsOut, long rowsFiltered, long rowsLate,
                              long watermark, long batches, int maxQueueDepth, double p50Micros,
                              double p99Micros, double maxMicros) {

    /** Rows that reached the aggregation or projection. */
    public long rowsAggregated() {
        return rowsIn - rowsFiltered - rowsLate;
    }
}
