package io.sluice.compiler.kernel;

import io.sluice.compiler.plan.TableDefinition;
import io.sluice.runtime.exec.RoutingSpec;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.type.Schema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexNode;
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
 * @param window      the window table function, or null
 * @param rowProgram  filter and projections per input row
 * @param groupKeys   row-program outputs that form the group key (aggregating shapes)
 * @param aggregates  aggregate calls (aggregating shapes)
 * @param windowStartKey position in {@code groupKeys} of window_start, or -1
 * @param windowEndKey   position in {@code groupKeys} of window_end, or -1
 * @param resultProgram  HAVING and projection over keys then aggregates (aggregating shapes)
 * @param output      the result columns
 * @param changelog   whether results are a changelog (an {@code op} column): non-windowed
 *                    aggregates, windows under EMIT CHANGES or with allowed lateness
 * @param latePolicy  what a windowed kernel does with late rows (from the table's options; baked
 *                    into the generated code)
 * @param emitChanges a windowed aggregate emits its changes per batch (EMIT CHANGES) rather than
 *                    one final row per window and group
 */
public record KernelSpec(Shape shape, TableDefinition table, Window window, RexProgram rowProgram,
                         List<Integer> groupKeys, List<Aggregate> aggregates, int windowStartKey, int windowEndKey,
                         RexProgram resultProgram, Schema output, boolean changelog, LatePolicy latePolicy,
                         boolean emitChanges) {

    /** A spec with the default late policy (drop) and final window rows. */
    public KernelSpec(final Shape shape, final TableDefinition table, final Window window, final RexProgram rowProgram,
                      final List<Integer> groupKeys, final List<Aggregate> aggregates, final int windowStartKey,
                      final int windowEndKey, final RexProgram resultProgram, final Schema output,
                      final boolean changelog) {
        this(shape, table, window, rowProgram, groupKeys, aggregates, windowStartKey, windowEndKey, resultProgram,
            output, changelog, LatePolicy.DROP, false);
    }

    /** The kernel templates. */
    public enum Shape {
        /** Filter and project each row; results are appended. */
        PROJECT("ProjectKernel"),
        /** Continuous GROUP BY: a changelog of each group's result. */
        GROUP_AGGREGATE("GroupAggregateKernel"),
        /**
         * GROUP BY window_start, window_end over TUMBLE, HOP or CUMULATE: one final row per window
         * and group when the watermark passes its end (or its changes, under EMIT CHANGES).
         */
        WINDOW_AGGREGATE("WindowAggregateKernel"),
        /** GROUP BY window_start, window_end over SESSION: sessions per key, merged as rows bridge them. */
        SESSION_AGGREGATE("SessionWindowKernel");

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
     * A window table function over the table's event-time column.
     *
     * @param kind         TUMBLE, HOP, CUMULATE or SESSION
     * @param timeColumn   the table column it is assigned from
     * @param sizeMillis   window size (TUMBLE, HOP, CUMULATE); the gap of a SESSION
     * @param offsetMillis window alignment offset (0 for SESSION)
     * @param slideMillis  HOP's slide, CUMULATE's step; 0 otherwise
     * @param keyColumns   SESSION's key columns (table columns; empty: one session line for all rows)
     */
    public record Window(WindowKind kind, int timeColumn, long sizeMillis, long offsetMillis, long slideMillis,
                         List<Integer> keyColumns) {

        /** A tumbling window. */
        public Window(final int timeColumn, final long sizeMillis, final long offsetMillis) {
            this(WindowKind.TUMBLE, timeColumn, sizeMillis, offsetMillis, 0, List.of());
        }

        /** SESSION's gap. */
        public long gapMillis() {
            return sizeMillis;
        }

        /** The window as {@code explain} shows it, e.g. {@code HOP(ts, slide 5000 ms, size 10000 ms)}. */
        public String describe(final Schema input) {
            final StringBuilder sb = new StringBuilder(kind.name()).append('(').append(input.column(timeColumn).name());
            switch (kind) {
                case TUMBLE -> sb.append(", ").append(sizeMillis).append(" ms");
                case HOP -> sb.append(", slide ").append(slideMillis).append(" ms, size ").append(sizeMillis).append(" ms");
                case CUMULATE -> sb.append(", step ").append(slideMillis).append(" ms, size ").append(sizeMillis).append(" ms");
                case SESSION -> {
                    sb.append(", gap ").append(sizeMillis).append(" ms");
                    for (final int k : keyColumns) {
                        sb.append(", key ").append(input.column(k).name());
                    }
                }
            }
            if (offsetMillis != 0) {
                sb.append(", offset ").append(offsetMillis).append(" ms");
            }
            return sb.append(')').toString();
        }
    }

    /** The window table functions. */
    public enum WindowKind {
        TUMBLE, HOP, CUMULATE, SESSION
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

    /**
     * How rows are spread over partitions so that each group lives in one: by a hash of the group key
     * columns when every (non-window) key is a plain column; all to one partition when there are
     * none (a single group, or windows only) or when a key is computed (different inputs may make
     * one key value); round robin when nothing is aggregated.
     */
    public RoutingSpec routing() {
        if (!aggregating()) {
            return RoutingSpec.roundRobin();
        }
        final java.util.List<RexNode> keyExpressions = new java.util.ArrayList<>();
        for (int k = 0; k < groupKeys.size(); k++) {
            if (k != windowStartKey && k != windowEndKey) {
                final RexNode key = rowProgram.expandLocalRef(rowProgram.getProjectList().get(groupKeys.get(k)));
                if (!(key instanceof org.apache.calcite.rex.RexInputRef)) {
                    // a computed key can give rows with different inputs one group (NULLIF(s, 'a') is NULL
                    // for 'a' and for NULL): hashing its input columns would split that group
                    return RoutingSpec.single();
                }
                keyExpressions.add(key);
            }
        }
        final int tableColumns = table.schema().size();
        final int[] columns = RelOptUtil.InputFinder.bits(keyExpressions, null).asList().stream()
            .mapToInt(Integer::intValue).filter(c -> c < tableColumns).toArray();
        return columns.length == 0 ? RoutingSpec.single() : RoutingSpec.hash(columns);
    }
}
