package io.sluice.compiler.kernel;

import io.sluice.compiler.plan.TableDefinition;
import io.sluice.runtime.type.Schema;
import org.apache.calcite.rex.RexProgram;

import java.util.List;

/**
 * The physical shape of one query's kernel, lowered from the plan: what the code generator
 * specialises. Row-level work is a {@link RexProgram} over the table's columns (plus
 * {@code window_start}, {@code window_end} when windowed); aggregation is a list of group keys and
 * aggregate calls over that program's outputs; the result is a second program over the
 * aggregation's output (HAVING and the final projection).
 *
 * @param shape       which template the kernel comes from
 * @param table       the input table
 * @param window      the tumbling window, or null
 * @param rowProgram  filter and projections per input row
 * @param groupKeys   row-program outputs that form the group key (aggregating shapes)
 * @param aggregates  aggregate calls (aggregating shapes)
 * @param windowStartKey position in {@code groupKeys} of window_start, or -1
 * @param windowEndKey   position in {@code groupKeys} of window_end, or -1
 * @param resultProgram  HAVING and projection over keys then aggregates (aggregating shapes)
 * @param output      the result columns
 * @param changelog   whether results are a changelog (an {@code op} column)
 */
public record KernelSpec(Shape shape, TableDefinition table, Window window, RexProgram rowProgram,
                         List<Integer> groupKeys, List<Aggregate> aggregates, int windowStartKey, int windowEndKey,
                         RexProgram resultProgram, Schema output, boolean changelog) {

    /** The kernel templates. */
    public enum Shape {
        /** Filter and project each row; results are appended. */
        PROJECT("ProjectKernel"),
        /** Continuous GROUP BY: a changelog of each group's result. */
        GROUP_AGGREGATE("GroupAggregateKernel"),
        /** GROUP BY window: one final row per window and group when the watermark passes its end. */
        WINDOW_AGGREGATE("WindowAggregateKernel");

        private final String template;

        Shape(final String template) {
            this.template = template;
        }

        /** The template file's base name in codegen-templates. */
        public String template() {
            return template;
        }
    }

    /**
     * A tumbling window over the table's event-time column.
     *
     * @param timeColumn   the table column it is assigned from
     * @param sizeMillis   window size
     * @param offsetMillis window alignment offset
     */
    public record Window(int timeColumn, long sizeMillis, long offsetMillis) {
    }

    /**
     * One aggregate call.
     *
     * @param kind     the function
     * @param argument row-program output it aggregates, or -1 for COUNT(*)
     * @param name     the call as SQL, for messages ({@code SUM(qty)})
     */
    public record Aggregate(AggregateKind kind, int argument, String name) {
    }

    /** The aggregate functions the kernels implement. */
    public enum AggregateKind {
        COUNT_STAR, COUNT, SUM, MIN, MAX, AVG
    }

    public boolean aggregating() {
        return shape != Shape.PROJECT;
    }
}
