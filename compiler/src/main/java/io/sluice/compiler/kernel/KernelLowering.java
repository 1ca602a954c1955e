package io.sluice.compiler.kernel;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.CompileOptions;
import io.sluice.compiler.codegen.JavaType;
import io.sluice.compiler.plan.LateOptions;
import io.sluice.compiler.plan.PlannedQuery;
import io.sluice.compiler.plan.TableDefinition;
import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import io.sluice.runtime.kernel.LatePolicy;
import org.apache.calcite.plan.RelOptUtil;
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
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lowers a planned query to a {@link KernelSpec}: recognises the plan shapes the kernels implement
 * ({@code [Calc] <- Aggregate <- [Calc] <- [window] <- TableScan}, or {@code [Calc] <- [TUMBLE] <-
 * TableScan}, where a window is TUMBLE, HOP, CUMULATE or SESSION) and rejects anything else with a
 * message.
 */
public final class KernelLowering {
    private KernelLowering() {
    }

    /** Lowers with the default options. */
    public static KernelSpec lower(final PlannedQuery query) throws CompileException {
        return lower(query, CompileOptions.DEFAULT);
    }

    public static KernelSpec lower(final PlannedQuery query, final CompileOptions options) throws CompileException {
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
            window = window(query, tfs);
            node = tfs.getInputs().get(0);
            if (node instanceof Calc identity) {
                if (!identity.getProgram().isTrivial()) {
                    throw unsupported(query, "a computed table inside " + window.kind() + " is not supported");
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
        final LatePolicy late = table.latePolicy();

        if (aggregate == null) {
            checkEmit(query, null);
            checkTumbleOnly(query, window, "without GROUP BY window_start, window_end");
            checkNoLatePolicy(query, late);
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
            checkRowUsesNoWindowBounds(query, window, row, keys, windowStartKey, windowEndKey, table.schema().size());
            final boolean changes = query.emit() == PlannedQuery.EmitMode.CHANGES;
            final boolean changelog = changes || late.kind() == LatePolicy.Kind.ALLOWED_LATENESS;
            if (window.kind() == KernelSpec.WindowKind.SESSION) {
                checkSessionKeys(query, window, row, keys, windowStartKey, windowEndKey, table);
                return new KernelSpec(KernelSpec.Shape.SESSION_AGGREGATE, table, window, row, keys, aggregates,
                    windowStartKey, windowEndKey, result, output, changelog, late, changes);
            }
            return new KernelSpec(KernelSpec.Shape.WINDOW_AGGREGATE, table, window, row, keys, aggregates,
                windowStartKey, windowEndKey, result, output, changelog, late, changes);
        }
        if (windowStartKey >= 0 || windowEndKey >= 0) {
            throw unsupported(query, "GROUP BY over " + window.kind() + " must include both window_start and window_end");
        }
        checkTumbleOnly(query, window, "without GROUP BY window_start, window_end");
        checkNoLatePolicy(query, late);
        if (query.emit() == PlannedQuery.EmitMode.FINAL) {
            // as in Velostream: final rows are a window's; the final table of a bounded input is an option
            throw new CompileException(query.emitLine(), query.emitColumn(), "EMIT FINAL needs a window "
                + "(GROUP BY window_start, window_end or a WINDOW clause); without one GROUP BY emits changes "
                + "(--final-table gives the final table at the end of the input)");
        }
        final boolean changelog = query.emit() == PlannedQuery.EmitMode.CHANGES || !options.finalTable();
        return new KernelSpec(KernelSpec.Shape.GROUP_AGGREGATE, table, window, row, keys, aggregates, -1, -1,
            result, output, changelog, LatePolicy.DROP, false);
    }

    /** Windowed aggregates emit FINAL rows (default) or CHANGES; a projection emits neither. */
    private static void checkEmit(final PlannedQuery query, final PlannedQuery.EmitMode supported) throws CompileException {
        final PlannedQuery.EmitMode emit = query.emit();
        if (emit == null || emit == supported) {
            return;
        }
        final String message;
        if (supported == null) {
            message = "EMIT " + emit + " applies to aggregations; this query appends one row per input row";
        } else {
            message = "EMIT " + emit + " is not supported here";
        }
        throw new CompileException(query.emitLine(), query.emitColumn(), message);
    }

    /** Only TUMBLE gives each row one window_start/window_end that a row-by-row kernel can use. */
    private static void checkTumbleOnly(final PlannedQuery query, final KernelSpec.Window window, final String what)
        throws CompileException {
        if (window != null && window.kind() != KernelSpec.WindowKind.TUMBLE) {
            throw unsupported(query, window.kind() + " " + what + " is not supported: a " + window.kind()
                + " window is only aggregated (GROUP BY window_start, window_end, ...)");
        }
    }

    /** A late-data policy means something only where windows fire. */
    private static void checkNoLatePolicy(final PlannedQuery query, final LatePolicy late) throws CompileException {
        if (late.kind() != LatePolicy.Kind.DROP) {
            throw unsupported(query, "'late.policy' = '" + LateOptions.name(late.kind()) + "' on table '"
                + query.table().name() + "' applies to windowed aggregations (GROUP BY window_start, window_end); "
                + "this query has none");
        }
    }

    /**
     * Over HOP, CUMULATE and SESSION a row has no single window_start/window_end while it is read
     * (it belongs to several windows, or to a session still growing): they may only be grouped by.
     */
    private static void checkRowUsesNoWindowBounds(final PlannedQuery query, final KernelSpec.Window window,
                                                   final RexProgram row, final List<Integer> keys,
                                                   final int startKey, final int endKey, final int tableColumns)
        throws CompileException {
        if (window.kind() == KernelSpec.WindowKind.TUMBLE) {
            return;
        }
        final List<RexNode> used = new ArrayList<>();
        final List<RexNode> projects = row.expandList(row.getProjectList());
        for (int p = 0; p < projects.size(); p++) {
            if (p != keys.get(startKey) && p != keys.get(endKey)) {
                used.add(projects.get(p));
            }
        }
        if (row.getCondition() != null) {
            used.add(row.expandLocalRef(row.getCondition()));
        }
        for (final int field : RelOptUtil.InputFinder.bits(used, null)) {
            if (field >= tableColumns) {
                throw unsupported(query, "over " + window.kind() + ", window_start and window_end can only be "
                    + "grouped by and selected, not used in WHERE or in expressions per row");
            }
        }
    }

    /** Sessions are kept per group key: the SESSION key columns must be the other GROUP BY keys. */
    private static void checkSessionKeys(final PlannedQuery query, final KernelSpec.Window window,
                                         final RexProgram row, final List<Integer> keys, final int startKey,
                                         final int endKey, final TableDefinition table) throws CompileException {
        final Set<Integer> grouped = new TreeSet<>();
        boolean plain = true;
        for (int k = 0; k < keys.size(); k++) {
            if (k == startKey || k == endKey) {
                continue;
            }
            final RexNode expr = row.expandLocalRef(row.getProjectList().get(keys.get(k)));
            if (expr instanceof RexInputRef ref && ref.getIndex() < table.schema().size()) {
                grouped.add(ref.getIndex());
            } else {
                plain = false;
            }
        }
        if (!plain || !grouped.equals(new TreeSet<>(window.keyColumns()))) {
            final List<String> names = new ArrayList<>();
            for (final int c : window.keyColumns()) {
                names.add(table.schema().column(c).name());
            }
            throw unsupported(query, "GROUP BY over SESSION must group by its key columns "
                + (names.isEmpty() ? "(none)" : String.join(", ", names))
                + ", window_start and window_end, and nothing else (sessions are kept per key)");
        }
    }

    /** The window table function of {@code tfs}, with its intervals checked. */
    private static KernelSpec.Window window(final PlannedQuery query, final TableFunctionScan tfs)
        throws CompileException {
        if (!(tfs.getCall() instanceof RexCall call)) {
            throw unsupported(query, "table function " + tfs.getCall() + " is not supported");
        }
        final String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        final KernelSpec.WindowKind kind;
        try {
            kind = KernelSpec.WindowKind.valueOf(name);
        } catch (final IllegalArgumentException e) {
            throw unsupported(query, "table function " + name + " is not supported");
        }
        final List<List<Integer>> descriptors = new ArrayList<>();
        final List<Long> intervals = new ArrayList<>();
        for (final RexNode operand : call.getOperands()) {
            if (operand instanceof RexCall d && d.getKind() == SqlKind.DESCRIPTOR) {
                final List<Integer> columns = new ArrayList<>();
                for (final RexNode c : d.getOperands()) {
                    if (!(c instanceof RexInputRef ref)) {
                        throw unsupported(query, name + ": DESCRIPTOR must name columns of the table, not " + c);
                    }
                    columns.add(ref.getIndex());
                }
                descriptors.add(columns);
            } else if (operand instanceof RexLiteral literal && literal.getValue() instanceof BigDecimal millis) {
                intervals.add(millis.longValueExact());
            }
        }
        final int needed = kind == KernelSpec.WindowKind.TUMBLE || kind == KernelSpec.WindowKind.SESSION ? 1 : 2;
        if (descriptors.isEmpty() || intervals.size() < needed) {
            throw unsupported(query, name + " needs DESCRIPTOR(time column) and " + switch (kind) {
                case TUMBLE -> "an INTERVAL size";
                case HOP -> "INTERVAL slide, INTERVAL size";
                case CUMULATE -> "INTERVAL step, INTERVAL size";
                case SESSION -> "an INTERVAL gap";
            });
        }
        final int timeColumn = descriptors.get(0).get(0);
        for (final long interval : intervals.subList(0, needed)) {
            if (interval <= 0) {
                throw unsupported(query, name + " intervals must be positive");
            }
        }
        return switch (kind) {
            case TUMBLE -> new KernelSpec.Window(timeColumn, intervals.get(0), intervals.size() > 1 ? intervals.get(1) : 0);
            case HOP -> {
                final long slide = intervals.get(0);
                final long size = intervals.get(1);
                if (slide > size) {
                    throw unsupported(query, "HOP slide (" + slide + " ms) must not exceed its size (" + size
                        + " ms): rows between windows would belong to none");
                }
                yield new KernelSpec.Window(kind, timeColumn, size, intervals.size() > 2 ? intervals.get(2) : 0, slide,
                    List.of());
            }
            case CUMULATE -> {
                final long step = intervals.get(0);
                final long size = intervals.get(1);
                if (size % step != 0) {
                    throw unsupported(query, "CUMULATE size (" + size + " ms) must be a multiple of its step ("
                        + step + " ms)");
                }
                yield new KernelSpec.Window(kind, timeColumn, size, intervals.size() > 2 ? intervals.get(2) : 0, step,
                    List.of());
            }
            case SESSION -> new KernelSpec.Window(kind, timeColumn, intervals.get(0), 0, 0,
                descriptors.size() > 1 ? List.copyOf(descriptors.get(1)) : List.of());
        };
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
