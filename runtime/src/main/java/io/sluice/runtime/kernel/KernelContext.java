package io.sluice.runtime.kernel;

import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.state.MemoryBudget;

/**
 * What a kernel instance is built with: the dictionary its VARCHAR codes refer to (shared with the
 * source), and the memory budget its state is charged to.
 */
public record KernelContext(StringDictionary dictionary, MemoryBudget budget) {
}
