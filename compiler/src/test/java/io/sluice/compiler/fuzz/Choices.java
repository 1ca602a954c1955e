package io.sluice.compiler.fuzz;

import java.util.List;

/**
 * A sequence of random choices that the generator reads from, in order. jqwik shrinks the list
 * (shorter, smaller numbers) and with it the query: when the list is used up every choice is 0,
 * and alternative 0 is always the simplest one.
 */
final class Choices {
    private final List<Integer> values;
    private int next;

    Choices(final List<Integer> values) {
        this.values = values;
    }

    /** A choice in {@code [0, n)}. */
    int pick(final int n) {
        if (n <= 1) {
            return 0;
        }
        if (next >= values.size()) {
            return 0;
        }
        return Math.floorMod(values.get(next++), n);
    }

    /** True with probability about 1/n (false once the choices are used up). */
    boolean oneIn(final int n) {
        return pick(n) == n - 1;
    }

    <T> T from(final List<T> options) {
        return options.get(pick(options.size()));
    }
}
