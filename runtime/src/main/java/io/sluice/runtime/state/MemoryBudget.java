package io.sluice.runtime.state;

import io.sluice.runtime.error.DataException;

/**
 * The memory a query's aggregation state may use ({@code --max-state-memory}). Tables reserve
 * before they allocate and release when they free; a reservation past the limit stops the run
 * with an error naming the limit and the flag that raises it. Thread-safe: the partitions of a
 * query share one budget (it is touched only when a table grows, never per row).
 */
public final class MemoryBudget {
    /** Default limit: 4 GiB. */
    public static final long DEFAULT_LIMIT = 4L << 30;

    private final long limit;
    private final java.util.concurrent.atomic.AtomicLong used = new java.util.concurrent.atomic.AtomicLong();

    public MemoryBudget(final long limit) {
        this.limit = limit;
    }

    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE);
    }

    public long used() {
        return used.get();
    }

    public long limit() {
        return limit;
    }

    public void reserve(final long bytes) {
        final long now = used.addAndGet(bytes);
        if (now > limit || now < 0) {
            used.addAndGet(-bytes);
            throw new DataException("", "group state needs more than the state memory limit of "
                + formatBytes(limit) + " (raise it with --max-state-memory)");
        }
    }

    public void release(final long bytes) {
        used.addAndGet(-bytes);
    }

    static String formatBytes(final long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes + " bytes";
    }
}
