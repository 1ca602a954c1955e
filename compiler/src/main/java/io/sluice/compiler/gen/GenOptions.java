package io.sluice.compiler.gen;

/**
 * What to generate. The same options always give the same bytes.
 *
 * @param rows            rows to write (for Nexmark: events over the three files)
 * @param seed            the random seed
 * @param keys            distinct keys (see {@link Workload} for each workload's meaning)
 * @param eventsPerSecond how fast event time advances: rows per second of event time
 * @param disorderMillis  how far behind the clock a row's event time may be (0: in order)
 * @param startMillis     event time of the first row, epoch milliseconds UTC
 */
public record GenOptions(long rows, long seed, int keys, long eventsPerSecond, long disorderMillis, long startMillis) {
    /** 2024-01-01 00:00:00 UTC. */
    public static final long DEFAULT_START = 1_704_067_200_000L;
    public static final long DEFAULT_SEED = 42;

    public GenOptions {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
        if (keys < 1) {
            throw new IllegalArgumentException("keys must be at least 1: " + keys);
        }
        if (eventsPerSecond < 1 || eventsPerSecond > 1_000_000_000L) {
            throw new IllegalArgumentException("events per second must be between 1 and 10^9: " + eventsPerSecond);
        }
        if (disorderMillis < 0) {
            throw new IllegalArgumentException("disorder must not be negative: " + disorderMillis);
        }
    }

    /** The workload's defaults for {@code rows} rows and seed {@code seed}. */
    public static GenOptions defaults(final Workload workload, final long rows, final long seed) {
        return new GenOptions(rows, seed, workload.defaultKeys(), workload.defaultEventsPerSecond(),
            workload.defaultDisorderMillis(), DEFAULT_START);
    }

    public GenOptions withKeys(final int k) {
        return new GenOptions(rows, seed, k, eventsPerSecond, disorderMillis, startMillis);
    }

    public GenOptions withDisorder(final long millis) {
        return new GenOptions(rows, seed, keys, eventsPerSecond, millis, startMillis);
    }

    public GenOptions withEventsPerSecond(final long rate) {
        return new GenOptions(rows, seed, keys, rate, disorderMillis, startMillis);
    }
}
