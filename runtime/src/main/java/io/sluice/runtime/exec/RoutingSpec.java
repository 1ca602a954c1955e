package io.sluice.runtime.exec;

/**
 * How the router spreads rows over partitions so that every row of one group reaches the same
 * partition: by a hash of the input columns the group key is computed from, all to partition 0
 * (a single group, or groups that are windows only), or whole batches round robin (no state).
 *
 * @param mode    the routing
 * @param columns for {@link Mode#HASH}: the input columns hashed
 */
public record RoutingSpec(Mode mode, int[] columns) {
    /** The routings. */
    public enum Mode {
        HASH, SINGLE, ROUND_ROBIN
    }

    public static RoutingSpec hash(final int... columns) {
        return new RoutingSpec(Mode.HASH, columns.clone());
    }

    public static RoutingSpec single() {
        return new RoutingSpec(Mode.SINGLE, new int[0]);
    }

    public static RoutingSpec roundRobin() {
        return new RoutingSpec(Mode.ROUND_ROBIN, new int[0]);
    }
}
