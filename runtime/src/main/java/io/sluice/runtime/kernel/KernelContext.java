package io.sluice.runtime.kernel;

import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.simd.VectorSupport;
import io.sluice.runtime.state.MemoryBudget;

/**
 * What a kernel instance is built with: the dictionary its VARCHAR codes refer to (shared with the
 * source), the memory budget its state is charged to, the late-data policy, where late rows go
 * under {@link LatePolicy.Kind#SIDE_OUTPUT}, and which twin of the generated loop runs.
 *
 * @param simd run the Vector API twin of the kernel's loops; a kernel runs its scalar twin when
 *             this is false ({@code --no-simd}) or when the Vector API is not available
 *             ({@link VectorSupport#AVAILABLE}). Both twins give identical results.
 */
public record KernelContext(StringDictionary dictionary, MemoryBudget budget, LatePolicy latePolicy,
                            LateRowSink lateRows, boolean simd) {

    /** A context running the SIMD twin when the Vector API is available. */
    public KernelContext(final StringDictionary dictionary, final MemoryBudget budget, final LatePolicy latePolicy,
                         final LateRowSink lateRows) {
        this(dictionary, budget, latePolicy, lateRows, true);
    }

    /** A context with the default late policy (drop and count). */
    public KernelContext(final StringDictionary dictionary, final MemoryBudget budget) {
        this(dictionary, budget, LatePolicy.DROP, LateRowSink.NONE, true);
    }

    /** Whether the kernel runs its SIMD twin: asked for, and the Vector API is there. */
    public boolean useSimd() {
        return simd && VectorSupport.AVAILABLE;
    }

    /** This context with the twin chosen by {@code simd}. */
    public KernelContext withSimd(final boolean useSimd) {
        return new KernelContext(dictionary, budget, latePolicy, lateRows, useSimd);
    }
}
