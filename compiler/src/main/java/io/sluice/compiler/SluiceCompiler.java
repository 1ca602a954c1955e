package io.sluice.compiler;

import io.sluice.compiler.codegen.KernelCompiler;
import io.sluice.compiler.codegen.KernelGenerator;
import io.sluice.compiler.kernel.KernelLowering;
import io.sluice.compiler.kernel.KernelSpec;
import io.sluice.compiler.plan.PlannedQuery;
import io.sluice.compiler.plan.QueryPlanner;

/**
 * The compile entry point: SQL text (CREATE TABLE statements and one query) to a runnable kernel.
 * Parse and validate (Calcite, Sluice's dialect), lower to a kernel spec, generate Java from the
 * kernel's template, compile it (Janino, cached by source).
 */
public final class SluiceCompiler {
    private SluiceCompiler() {
    }

    /** Plans, generates and compiles {@code sql} with the default options. */
    public static CompiledQuery compile(final String sql) throws CompileException {
        return compile(sql, CompileOptions.DEFAULT);
    }

    /** Plans, generates and compiles {@code sql}. */
    public static CompiledQuery compile(final String sql, final CompileOptions options) throws CompileException {
        final PlannedQuery plan = QueryPlanner.plan(sql);
        final KernelSpec spec = lower(plan, options);
        final KernelGenerator.GeneratedKernel kernel = generate(plan, spec, sql);
        return new CompiledQuery(plan, spec, kernel, KernelCompiler.compile(kernel), sql);
    }

    /** Plans and generates {@code sql} without compiling the kernel, with the default options. */
    public static CompiledQuery generateOnly(final String sql) throws CompileException {
        return generateOnly(sql, CompileOptions.DEFAULT);
    }

    /** Plans and generates {@code sql} without compiling the kernel (for explain). */
    public static CompiledQuery generateOnly(final String sql, final CompileOptions options) throws CompileException {
        final PlannedQuery plan = QueryPlanner.plan(sql);
        final KernelSpec spec = lower(plan, options);
        return new CompiledQuery(plan, spec, generate(plan, spec, sql), null, sql);
    }

    private static KernelSpec lower(final PlannedQuery plan, final CompileOptions options) throws CompileException {
        try {
            return KernelLowering.lower(plan, options);
        } catch (final CompileException e) {
            throw positioned(e, plan);
        }
    }

    private static KernelGenerator.GeneratedKernel generate(final PlannedQuery plan, final KernelSpec spec,
                                                            final String sql) throws CompileException {
        try {
            return KernelGenerator.generate(spec, sql, plan.rel().getCluster().getRexBuilder());
        } catch (final CompileException e) {
            throw positioned(e, plan);
        }
    }

    /** Expression-level errors have no position of their own: point at the query. */
    private static CompileException positioned(final CompileException e, final PlannedQuery plan) {
        return e.line() > 0 ? e : new CompileException(plan.queryLine(), plan.queryColumn(), e.reason());
    }
}
