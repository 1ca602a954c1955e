package io.sluice.runtime.kernel;

import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.state.MemoryBudget;

/**
 * What a kernel instance is built with: the dictionary its VARCHAR codes refer to (shared with the
 * source), the memory budget its state is charged to, the late-data policy and where late rows go
 * under {@link LatePolicy.Kind#SIDE_OUTPUT}.
 */
public record KernelContext(StringDictionary dictionary, MemoryBudget budget, LatePolicy latePolicy,
                            LateRowSink lateRows) {

    /** A context with the default late policy (drop and count). */
    public KernelContext(final StringDictionary dictionary, final MemoryBudget budget) {
        this(dictionary, budget, LatePolicy.DROP, LateRowSink.NONE);
    }
}
