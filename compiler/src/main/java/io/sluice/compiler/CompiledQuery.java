package io.sluice.compiler;

import io.sluice.compiler.codegen.KernelGenerator;
import io.sluice.compiler.kernel.KernelSpec;
import io.sluice.compiler.plan.PlannedQuery;
import io.sluice.runtime.api.QueryPlan;
import io.sluice.runtime.kernel.KernelFactory;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.type.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A query compiled to a kernel, with everything the compiler knows about it: the plan it came from,
 * the kernel spec, the generated source and the factory of kernel instances. {@link #runtime()} is
 * the runtime's view of it (what the embedding API and artifacts use).
 */
public record CompiledQuery(PlannedQuery plan, KernelSpec spec, KernelGenerator.GeneratedKernel kernel,
                            KernelFactory kernels, String sql) {

    /** The result columns. */
    public Schema output() {
        return spec.output();
    }

    /** Whether the results are a changelog (with an {@code op} column). */
    public boolean changelog() {
        return spec.changelog();
    }

    /** The runtime's description of this query (what an artifact stores). */
    public QueryPlan queryPlan() {
        final List<String> paths = new ArrayList<>();
        if (plan.table().path() != null) {
            paths.add(plan.table().path());
        }
        return new QueryPlan(sql, plan.table().name(), plan.table().schema(), plan.table().eventTimeColumn(),
            plan.table().watermarkDelayMillis(), paths, spec.output(), spec.changelog(), spec.routing(),
            LatePolicy.DROP, kernel.qualifiedName());
    }

    /** The query as the runtime runs it: plan and kernels. */
    public io.sluice.runtime.api.CompiledQuery runtime() {
        return new io.sluice.runtime.api.CompiledQuery(queryPlan(), kernels);
    }
}
