package io.sluice.compiler.plan;

import io.sluice.compiler.CompileException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The window table functions in the forms Flink users write: the validator's operator table gets
 * {@code CUMULATE} ({@link SqlCumulateTableFunction}), and Flink's {@code SESSION(TABLE t PARTITION
 * BY k, DESCRIPTOR(ts), gap)} is rewritten, before validation, into Calcite's {@code SESSION(TABLE t,
 * DESCRIPTOR(ts), DESCRIPTOR(k), gap)} (Calcite rejects the first: "Only tables with set semantics
 * may be partitioned").
 */
final class WindowTableFunctions {
    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
        SqlOperatorTables.of(SqlCumulateTableFunction.INSTANCE));

    private WindowTableFunctions() {
    }

    /** Calcite's standard operators plus CUMULATE. */
    static SqlOperatorTable operatorTable() {
        return OPERATORS;
    }

    /** The window table function call of {@code FROM TABLE(fn(...)) [AS x]}, or null. */
    static SqlCall windowCall(final SqlNode query) {
        if (!(query instanceof SqlSelect select) || select.getFrom() == null) {
            return null;
        }
        SqlNode from = select.getFrom();
        if (from.getKind() == SqlKind.AS) {
            from = ((SqlCall) from).operand(0);
        }
        if (from.getKind() != SqlKind.COLLECTION_TABLE || !(((SqlCall) from).operand(0) instanceof SqlCall fn)) {
            return null;
        }
        return fn;
    }

    /** Rewrites Flink's {@code SESSION(TABLE t PARTITION BY k, ...)} into Calcite's form, in place. */
    static void rewriteSessionPartitionBy(final SqlNode query) throws CompileException {
        final SqlCall session = windowCall(query);
        if (session == null || !session.getOperator().getName().toUpperCase(Locale.ROOT).equals("SESSION")
            || session.operandCount() < 1 || session.operand(0) == null
            || session.operand(0).getKind() != SqlKind.SET_SEMANTICS_TABLE) {
            return;
        }
        final SqlCall partitioned = session.operand(0);
        final SqlNodeList partitionBy = partitioned.operand(1);
        final SqlNodeList orderBy = partitioned.operand(2);
        if (orderBy != null && !orderBy.isEmpty()) {
            throw QueryPlanner.error(orderBy.getParserPosition(),
                "ORDER BY in a SESSION table argument is not supported (sessions are ordered by event time)");
        }
        if (session.operandCount() != 3 || !(session.operand(1) instanceof SqlCall descriptor)
            || !descriptor.getOperator().getName().equalsIgnoreCase("DESCRIPTOR")) {
            throw QueryPlanner.error(session.getParserPosition(),
                "SESSION with PARTITION BY takes SESSION(TABLE t PARTITION BY key, DESCRIPTOR(time column), gap)");
        }
        final List<SqlNode> operands = new ArrayList<>();
        operands.add(partitioned.operand(0));
        operands.add(descriptor);
        final List<SqlNode> keys = new ArrayList<>();
        for (final SqlNode key : partitionBy) {
            // the parser records a quoted key's quoting on its position only: carry it over, or
            // `user` would turn into the USER function
            keys.add(key instanceof SqlIdentifier id && id.names.size() == 1
                ? new SqlIdentifier(id.names, null, id.getParserPosition(), List.of(id.getParserPosition())) : key);
        }
        operands.add(new SqlBasicCall(descriptor.getOperator(), keys, partitionBy.getParserPosition()));
        operands.add(session.operand(2));
        final SqlBasicCall rewritten = new SqlBasicCall(session.getOperator(), operands, session.getParserPosition());
        final SqlSelect select = (SqlSelect) query;
        SqlCall table = (SqlCall) select.getFrom();
        if (table.getKind() == SqlKind.AS) {
            table = table.operand(0);
        }
        table.setOperand(0, rewritten);
    }
}
