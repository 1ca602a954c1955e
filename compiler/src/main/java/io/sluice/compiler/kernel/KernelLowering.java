package io.sluice.compiler.kernel;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.codegen.JavaType;
import io.sluice.compiler.plan.PlannedQuery;
import io.sluice.compiler.plan.TableDefinition;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers a planned query to a {@link KernelSpec}: recognises the plan shapes the kernels implement
 * ({@code [Calc] <- Aggregate <- [Calc] <- [TUMBLE] <- TableScan}, or {@code [Calc] <- [TUMBLE] <-
 * TableScan}) and rejects anything else with a message.
 */
public final class KernelLowering {
    private KernelLowering() {
    }

    public static KernelSpec lower(final PlannedQuery query) throws CompileException {
        RelNode node = query.rel();
        final RexBuilder rex = node.getCluster().getRexBuilder();
        RexProgram result = null;
        Aggregate aggregate = null;
        if (node instanceof Calc calc && calc.getInput() instanceof Aggregate) {
            result = calc.getProgram();
            node = calc.getInput();
        }
        if (node instanceof Aggregate a) {
            aggregate = a;
            node = a.getInput();
        }
        RexProgram row = null;
        if (node instanceof Calc calc) {
            row = calc.getProgram();
            node = calc.getInput();
        }
        KernelSpec.Window window = null;
        if (node instanceof TableFunctionScan tfs) {
            window = tumble(query, tfs);
            node = tfs.getInputs().get(0);
            if (node instanceof Calc identity) {
                if (!identity.getProgram().isTrivial()) {
                    throw unsupported(query, "a computed table inside TUMBLE is not supported");
                }
                node = identity.getInput();
            }
        }
        if (!(node instanceof TableScan)) {
            throw unsupported(query, "this query shape is not supported yet (" + node.getRelTypeName() + ")");
        }
        if (row == null) {
            final RelDataType inputType = aggregate != null ? aggregate.getInput().getRowType()
                : query.rel().getRowType();
            row = RexProgram.createIdentity(inputType);
        }
        final TableDefinition table = query.table();

        if (aggregate == null) {
            checkEmit(query, null);
            return new KernelSpec(KernelSpec.Shape.PROJECT, table, window, row, List.of(), List.of(), -1, -1, null,
                outputSchema(query, row.getOutputRowType()), false);
        }
        if (aggregate.getGroupSets().size() != 1) {
            throw unsupported(query, "GROUPING SETS, ROLLUP and CUBE are not supported yet");
        }
        final List<Integer> keys = new ArrayList<>(aggregate.getGroupSet().asList());
        final List<KernelSpec.Aggregate> aggregates = new ArrayList<>();
        for (final AggregateCall call : aggregate.getAggCallList()) {
            aggregates.add(aggregate(query, call, row));
        }
        if (result == null) {
            result = RexProgram.createIdentity(aggregate.getRowType());
        }
        int windowStartKey = -1;
        int windowEndKey = -1;
        if (window != null) {
            final int startField = table.schema().size();
            for (int k = 0; k < keys.size(); k++) {
                final RexNode expr = row.expandLocalRef(row.getProjectList().get(keys.get(k)));
                if (expr instanceof RexInputRef ref && ref.getIndex() == startField) {
                    windowStartKey = k;
                } else if (expr instanceof RexInputRef ref && ref.getIndex() == startField + 1) {
                    windowEndKey = k;
                }
            }
        }
        final Schema output = outputSchema(query, result.getOutputRowType());
        if (windowStartKey >= 0 && windowEndKey >= 0) {
            checkEmit(query, PlannedQuery.EmitMode.FINAL);
            return new KernelSpec(KernelSpec.Shape.WINDOW_AGGREGATE, table, window, row, keys, aggregates,
                windowStartKey, windowEndKey, result, output, false);
        }
        if (windowStartKey >= 0 || windowEndKey >= 0) {
            throw unsupported(query, "GROUP BY over TUMBLE must include both window_start and window_end");
        }
        checkEmit(query, PlannedQuery.EmitMode.CHANGES);
        return new KernelSpec(KernelSpec.Shape.GROUP_AGGREGATE, table, window, row, keys, aggregates, -1, -1,
            result, output, true);
    }

    private static void checkEmit(final PlannedQuery query, final PlannedQuery.EmitMode supported) throws CompileException {
        final PlannedQuery.EmitMode emit = query.emit();
        if (emit == null || emit == supported) {
            return;
        }
        final String message;
        if (supported == null) {
            message = "EMIT " + emit + " applies to aggregations; this query appends one row per input row";
        } else if (emit == PlannedQuery.EmitMode.FINAL) {
            message = "EMIT FINAL needs a window (GROUP BY window_start, window_end over TUMBLE); "
                + "a GROUP BY without a window emits changes";
        } else {
            message = "EMIT CHANGES over windows is not supported yet (windows emit FINAL rows)";
        }
        throw new CompileException(query.emitLine(), query.emitColumn(), message);
    }

    private static KernelSpec.Window tumble(final PlannedQuery query, final TableFunctionScan tfs) throws CompileException {
        if (!(tfs.getCall() instanceof RexCall call) || !call.getOperator().getName().equalsIgnoreCase("TUMBLE")) {
            throw unsupported(query, "table function " + tfs.getCall() + " is not supported");
        }
        int timeColumn = -1;
        final List<Long> intervals = new ArrayList<>();
        for (final RexNode operand : call.getOperands()) {
            if (operand instanceof RexCall d && d.getKind() == SqlKind.DESCRIPTOR) {
                timeColumn = ((RexInputRef) d.getOperands().get(0)).getIndex();
            } else if (operand instanceof RexLiteral literal && literal.getValue() instanceof BigDecimal millis) {
                intervals.add(millis.longValueExact());
            }
        }
        if (timeColumn < 0 || intervals.isEmpty()) {
            throw unsupported(query, "TUMBLE needs DESCRIPTOR(time column) and an INTERVAL size");
        }
        final long size = intervals.get(0);
        if (size <= 0) {
            throw unsupported(query, "TUMBLE size must be positive");
        }
        final long offset = intervals.size() > 1 ? intervals.get(1) : 0;
        return new KernelSpec.Window(timeColumn, size, offset);
    }

    private static KernelSpec.Aggregate aggregate(final PlannedQuery query, final AggregateCall call,
                                                  final RexProgram row) throws CompileException {
        if (call.isDistinct() || call.filterArg >= 0 || call.getArgList().size() > 1) {
            throw unsupported(query, "aggregate " + call + " is not supported yet");
        }
        final int arg = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
        final String argName = arg < 0 ? "*" : row.getOutputRowType().getFieldNames().get(arg);
        final KernelSpec.AggregateKind kind = switch (call.getAggregation().getKind()) {
            case COUNT -> arg < 0 ? KernelSpec.AggregateKind.COUNT_STAR : KernelSpec.AggregateKind.COUNT;
            case SUM, SUM0 -> KernelSpec.AggregateKind.SUM;
            case MIN -> KernelSpec.AggregateKind.MIN;
            case MAX -> KernelSpec.AggregateKind.MAX;
            case AVG -> KernelSpec.AggregateKind.AVG;
            default -> throw unsupported(query, "aggregate " + call.getAggregation().getName() + " is not supported yet");
        };
        if (arg >= 0 && JavaType.of(row.getOutputRowType().getFieldList().get(arg).getType()) == SqlType.BOOLEAN
            && kind != KernelSpec.AggregateKind.COUNT) {
            throw unsupported(query, call.getAggregation().getName() + " of a BOOLEAN is not supported");
        }
        return new KernelSpec.Aggregate(kind, arg, call.getAggregation().getName() + "(" + argName + ")");
    }

    private static Schema outputSchema(final PlannedQuery query, final RelDataType type) throws CompileException {
        final List<Column> columns = new ArrayList<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            final RelDataType t = type.getFieldList().get(i).getType();
            final SqlType sqlType = JavaType.of(t);
            if (sqlType == null) {
                throw unsupported(query, "result column '" + query.fieldNames().get(i) + "' has type "
                    + t.getFullTypeString() + ", which Sluice cannot output");
            }
            columns.add(new Column(query.fieldNames().get(i), sqlType, t.isNullable()));
        }
        return new Schema(columns);
    }

    private static CompileException unsupported(final PlannedQuery query, final String message) {
        return new CompileException(query.queryLine(), query.queryColumn(), message);
    }
}
