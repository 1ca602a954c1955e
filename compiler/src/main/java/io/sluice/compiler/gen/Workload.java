package io.sluice.compiler.gen;

import java.util.Locale;

/** The workloads {@code sluice gen} writes. */
public enum Workload {
    /**
     * Velostream's benchmark stream: {@code group_id BIGINT, value DOUBLE, ts TIMESTAMP(3)}; group ids
     * uniform in {@code [0, keys)}, values uniform in {@code [0, 1000)} with two decimals, event time
     * advancing at {@code eventsPerSecond} (in order unless a disorder is given). One file.
     */
    STREAM(1000, 1000, 0),
    /**
     * Trades: {@code symbol VARCHAR, price DOUBLE, qty BIGINT, ts TIMESTAMP(3)}; {@code keys} symbols
     * (four capital letters), a random walk of prices per symbol (two decimals), quantities in
     * {@code [1, 1000]}, and bounded disorder: a quarter of the rows are up to {@code disorderMillis}
     * older than the clock, so every row's time is at least the largest time before it minus
     * {@code disorderMillis}. One file.
     */
    TRADES(100, 1000, 2000),
    /**
     * Nexmark's three event streams in the schema of the Nexmark benchmark's Flink DDL, one file each
     * in the output folder: {@code person.csv}, {@code auction.csv}, {@code bid.csv}. Of every 50
     * events 1 is a person, 3 are auctions and 46 are bids (Nexmark's default proportions); ids start
     * at 1000; bids go to a hot auction or bidder half of the time; prices follow Nexmark's
     * log-uniform distribution; event time advances at {@code eventsPerSecond} in event order.
     * {@code keys} is the number of auctions in flight a non-hot bid chooses among.
     */
    NEXMARK(100, 10_000, 0);

    private final int defaultKeys;
    private final long defaultEventsPerSecond;
    private final long defaultDisorderMillis;

    Workload(final int defaultKeys, final long defaultEventsPerSecond, final long defaultDisorderMillis) {
        this.defaultKeys = defaultKeys;
        this.defaultEventsPerSecond = defaultEventsPerSecond;
        this.defaultDisorderMillis = defaultDisorderMillis;
    }

    public int defaultKeys() {
        return defaultKeys;
    }

    public long defaultEventsPerSecond() {
        return defaultEventsPerSecond;
    }

    public long defaultDisorderMillis() {
        return defaultDisorderMillis;
    }

    /** The workload's name as written on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The workload named {@code name} (case-insensitive), or null. */
    public static Workload byName(final String name) {
        for (final Workload w : values()) {
            if (w.cliName().equalsIgnoreCase(name)) {
                return w;
            }
        }
        return null;
    }
}
