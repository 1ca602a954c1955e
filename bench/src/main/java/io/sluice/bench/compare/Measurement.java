package io.sluice.bench.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of the report: an engine on a query, its timed runs (nanoseconds) or why it has none.
 *
 * @param status "ok", "MISMATCH", "error", "skipped" or "published"
 */
record Measurement(String query, String engine, String label, String mode, int threads, long rows, List<Long> nanos,
                   int warmup, String status, String note) {

    double rowsPerSecond(final long n) {
        return rows * 1e9 / n;
    }

    boolean ok() {
        return status.equals("ok") && !nanos.isEmpty();
    }

    long medianNanos() {
        final List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        final int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Median rows/s (of the timed runs). */
    double median() {
        return rowsPerSecond(medianNanos());
    }

    /** Slowest run's rows/s. */
    double min() {
        return rowsPerSecond(Collections.max(nanos));
    }

    /** Fastest run's rows/s. */
    double max() {
        return rowsPerSecond(Collections.min(nanos));
    }

    /** A published figure (rows/s), not measured here. */
    static Measurement published(final String query, final String engine, final String label, final int threads,
                                 final double rowsPerSecond, final String note) {
        return new Measurement(query, engine, label, "published", threads, Math.round(rowsPerSecond),
            List.of(1_000_000_000L), 0, "published", note);
    }
}
