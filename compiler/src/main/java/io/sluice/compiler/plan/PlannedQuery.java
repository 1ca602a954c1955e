package io.sluice.compiler.plan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * A validated query, planned into Calcite relational algebra with filters and projections merged
 * into {@code Calc} nodes: what the kernel lowering reads.
 *
 * @param table       the table the query reads
 * @param rel         the plan (Calc / Aggregate / TableFunctionScan / TableScan)
 * @param logical     the logical plan, before Calc merging ({@link #logicalPlan()} prints it)
 * @param fieldNames  the output column names
 * @param emit        the EMIT clause, or null when the query has none
 * @param emitLine    line of the EMIT clause (0 without one)
 * @param emitColumn  column of the EMIT clause
 * @param queryLine   line of the query's first token (for messages about the query as a whole)
 * @param queryColumn column of the query's first token
 */
public record PlannedQuery(TableDefinition table, RelNode rel, RelNode logical, List<String> fieldNames,
                           EmitMode emit, int emitLine, int emitColumn, int queryLine, int queryColumn) {

    /**
     * The logical plan as Calcite prints it, before Calc merging. Printed on demand (explain, tests)
     * rather than on every compile: printing asks Calcite's metadata whether each node is visible,
     * and the first such question in a JVM generates and compiles a metadata handler.
     */
    public String logicalPlan() {
        return RelOptUtil.toString(logical);
    }

    /** The optional trailing EMIT clause. */
    public enum EmitMode {
        CHANGES,
        FINAL
    }
}
