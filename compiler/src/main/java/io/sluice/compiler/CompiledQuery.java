package io.sluice.compiler;

import io.sluice.compiler.codegen.KernelGenerator;
import io.sluice.compiler.kernel.KernelSpec;
import io.sluice.compiler.plan.PlannedQuery;
import io.sluice.runtime.kernel.KernelFactory;
import io.sluice.runtime.type.Schema;

/**
 * A query compiled to a kernel: the plan it came from, the kernel spec, the generated source and
 * the factory of kernel instances.
 */
public record CompiledQuery(PlannedQuery plan, KernelSpec spec, KernelGenerator.GeneratedKernel kernel,
                            KernelFactory kernels) {

    /** The result columns. */
    public Schema output() {
        return spec.output();
    }

    /** Whether the results are a changelog (with an {@code op} column). */
    public boolean changelog() {
        return spec.changelog();
    }
}
