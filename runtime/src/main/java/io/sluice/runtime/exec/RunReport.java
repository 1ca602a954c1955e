package io.sluice.runtime.exec;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.time.Timestamps;

import java.util.Locale;

/** The end-of-run views of a {@link RunSummary}: the per-partition table and the metrics JSON. */
public final class RunReport {
    private RunReport() {
    }

    /** A fixed-width table, one line per partition and a total. */
    public static String table(final RunSummary s) {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-9s %12s %10s %10s %8s %8s %8s %9s %9s %9s  %s%n", "partition",
            "rows in", "aggregated", "rows out", "filtered", "late", "max q", "p50 µs", "p99 µs", "max µs",
            "watermark"));
        for (final PartitionReport p : s.partitions()) {
            sb.append(String.format(Locale.ROOT, "%-9d %,12d %,10d %,10d %,8d %,8d %8d %9.1f %9.1f %9.1f  %s%n",
                p.partition(), p.rowsIn(), p.rowsAggregated(), p.rowsOut(), p.rowsFiltered(), p.rowsLate(),
                p.maxQueueDepth(), p.p50Micros(), p.p99Micros(), p.maxMicros(), time(p.watermark())));
        }
        sb.append(String.format(Locale.ROOT, "%-9s %,12d %,10d %,10d %,8d %,8d   (read %,d = rejected %,d + processed %,d)",
            "total", s.rowsProcessed(), s.rowsAggregated(), s.rowsOut(), s.rowsFiltered(), s.rowsLate(), s.rowsRead(),
            s.rowsRejected(), s.rowsProcessed()));
        return sb.toString();
    }

    /** The summary and per-partition metrics as JSON. */
    public static String json(final RunSummary s) {
        final StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"rows_read\": ").append(s.rowsRead()).append(",\n");
        sb.append("  \"rows_rejected\": ").append(s.rowsRejected()).append(",\n");
        sb.append("  \"rows_processed\": ").append(s.rowsProcessed()).append(",\n");
        sb.append("  \"rows_filtered\": ").append(s.rowsFiltered()).append(",\n");
        sb.append("  \"rows_late\": ").append(s.rowsLate()).append(",\n");
        sb.append("  \"rows_aggregated\": ").append(s.rowsAggregated()).append(",\n");
        sb.append("  \"rows_out\": ").append(s.rowsOut()).append(",\n");
        sb.append("  \"elapsed_seconds\": ").append(String.format(Locale.ROOT, "%.6f", s.elapsedNanos() / 1e9)).append(",\n");
        sb.append("  \"watermark\": ").append(jsonTime(s.watermark())).append(",\n");
        sb.append("  \"partitions\": [");
        for (int i = 0; i < s.partitions().size(); i++) {
            final PartitionReport p = s.partitions().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"partition\": ").append(p.partition())
                .append(", \"rows_in\": ").append(p.rowsIn())
                .append(", \"rows_aggregated\": ").append(p.rowsAggregated())
                .append(", \"rows_out\": ").append(p.rowsOut())
                .append(", \"rows_filtered\": ").append(p.rowsFiltered())
                .append(", \"rows_late\": ").append(p.rowsLate())
                .append(", \"batches\": ").append(p.batches())
                .append(", \"max_queue_depth\": ").append(p.maxQueueDepth())
                .append(", \"watermark\": ").append(jsonTime(p.watermark()))
                .append(", \"batch_latency_micros\": {\"p50\": ").append(fmt(p.p50Micros()))
                .append(", \"p99\": ").append(fmt(p.p99Micros())).append(", \"max\": ").append(fmt(p.maxMicros()))
                .append("}}");
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String jsonTime(final long millis) {
        return millis == ColumnBatch.NO_WATERMARK ? "null" : "\"" + Timestamps.format(millis) + "\"";
    }

    private static String time(final long millis) {
        return millis == ColumnBatch.NO_WATERMARK ? "-" : Timestamps.format(millis);
    }
}
