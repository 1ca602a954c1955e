package io.sluice.runtime.exec;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.expr.SqlFunctions;

/**
 * Splits a batch over N partitions by {@link RoutingSpec}: computes every row's partition column by
 * column (hashing the routing columns' values, NULL as a constant), then lists each partition's
 * rows in order. Rows of one key always land in the same partition; within a partition rows keep
 * their source order. Reused across batches; allocates nothing per batch.
 */
final class Router {
    private static final long NULL_HASH = 0x5DEECE66DL;

    private final RoutingSpec routing;
    private final int partitions;
    private final long[] hashes;
    private final int[][] rows;
    private final int[] counts;
    private int nextRoundRobin;

    Router(final RoutingSpec routing, final int partitions, final int batchCapacity) {
        this.routing = routing;
        this.partitions = partitions;
        this.hashes = new long[batchCapacity];
        this.rows = new int[partitions][batchCapacity];
        this.counts = new int[partitions];
    }

    /** Assigns the rows of {@code batch}; then {@link #rows(int)} and {@link #count(int)} per partition. */
    void route(final ColumnBatch batch) {
        final int n = batch.rowCount();
        java.util.Arrays.fill(counts, 0);
        switch (routing.mode()) {
            case SINGLE -> assignAll(n, 0);
            case ROUND_ROBIN -> {
                assignAll(n, nextRoundRobin);
                nextRoundRobin = (nextRoundRobin + 1) % partitions;
            }
            case HASH -> {
                java.util.Arrays.fill(hashes, 0, n, SqlFunctions.HASH_SEED);
                for (final int c : routing.columns()) {
                    hashColumn(batch.column(c), n);
                }
                for (int i = 0; i < n; i++) {
                    final int p = (int) ((hashes[i] >>> 1) % partitions);
                    rows[p][counts[p]++] = i;
                }
            }
            default -> throw new IllegalStateException(routing.mode().toString());
        }
    }

    private void assignAll(final int n, final int p) {
        for (int i = 0; i < n; i++) {
            rows[p][i] = i;
        }
        counts[p] = n;
    }

    private void hashColumn(final ColumnVector column, final int n) {
        for (int i = 0; i < n; i++) {
            final long word;
            if (column.isNull(i)) {
                word = NULL_HASH;
            } else {
                word = switch (column.type()) {
                    case BIGINT, TIMESTAMP -> column.getLong(i);
                    case INT, VARCHAR -> column.getInt(i);
                    case DOUBLE -> SqlFunctions.keyBits(column.getDouble(i));
                    case BOOLEAN -> column.getBoolean(i) ? 1 : 0;
                };
            }
            hashes[i] = SqlFunctions.hash(hashes[i], word);
        }
    }

    int[] rows(final int partition) {
        return rows[partition];
    }

    int count(final int partition) {
        return counts[partition];
    }
}
