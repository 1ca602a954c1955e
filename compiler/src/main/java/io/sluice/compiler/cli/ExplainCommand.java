package io.sluice.compiler.cli;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.kernel.KernelSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sluice explain QUERY.sql [--source]}: the logical plan, the kernel spec, the generated Java. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print the Calcite logical plan and the kernel spec of a query; with --source, the generated Java.")
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUERY.sql", description = "CREATE TABLE statement(s) and one query")
    Path query;

    @Mixin
    CompileFlags compileFlags;

    @Option(names = "--source", description = "also print the generated kernel source")
    boolean source;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final CompiledQuery compiled = QueryFile.read(query, query.toString()).generate(compileFlags.options());
        final PrintWriter out = spec.commandLine().getOut();
        out.println("== Logical plan ==");
        out.print(compiled.plan().logicalPlan());
        out.println();
        out.println("== Kernel ==");
        out.println(describe(compiled.spec(), compiled.kernel().className()));
        if (source) {
            out.println();
            out.println("== Generated Java ==");
            out.print(compiled.kernel().source());
        }
        out.flush();
        return 0;
    }

    static String describe(final KernelSpec spec, final String className) {
        final StringBuilder sb = new StringBuilder();
        sb.append("shape:      ").append(spec.shape()).append(" (template ").append(spec.shape().template())
            .append(".java.ftl, class ").append(className).append(")\n");
        sb.append("input:      ").append(spec.table().name()).append(' ').append(spec.table().schema());
        if (spec.table().hasWatermark()) {
            sb.append(", watermark ").append(spec.table().schema().column(spec.table().eventTimeColumn()).name())
                .append(" - ").append(spec.table().watermarkDelayMillis()).append(" ms");
        }
        sb.append('\n');
        if (spec.window() != null) {
            sb.append("window:     ").append(spec.window().describe(spec.table().schema())).append('\n');
        }
        if (spec.aggregating()) {
            sb.append("late:       ").append(spec.latePolicy().kind().name().toLowerCase(java.util.Locale.ROOT));
            if (spec.latePolicy().allowedLatenessMillis() > 0) {
                sb.append(' ').append(spec.latePolicy().allowedLatenessMillis()).append(" ms");
            }
            sb.append('\n');
        }
        sb.append("routing:    ").append(spec.routing().mode().name().toLowerCase(java.util.Locale.ROOT));
        if (spec.routing().columns().length > 0) {
            sb.append(" by ");
            for (int c = 0; c < spec.routing().columns().length; c++) {
                sb.append(c == 0 ? "" : ", ").append(spec.table().schema().column(spec.routing().columns()[c]).name());
            }
        }
        sb.append('\n');
        sb.append("row:        ").append(spec.rowProgram()).append('\n');
        if (spec.aggregating()) {
            sb.append("group keys: ");
            for (int k = 0; k < spec.groupKeys().size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(spec.rowProgram().getOutputRowType().getFieldNames()
                    .get(spec.groupKeys().get(k)));
            }
            sb.append('\n').append("aggregates: ");
            for (int a = 0; a < spec.aggregates().size(); a++) {
                sb.append(a == 0 ? "" : ", ").append(spec.aggregates().get(a).name());
            }
            sb.append('\n').append("result:     ").append(spec.resultProgram()).append('\n');
        }
        sb.append("output:     ").append(spec.output()).append(spec.changelog() ? " as a changelog (op column)"
            : spec.aggregating() ? ", one final row per window and group" : ", appended");
        return sb.toString();
    }
}
