package io.sluice.compiler.plan;

import io.sluice.compiler.CompileException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Sluice compiles, checked on the SQL tree so that anything else is rejected at the position
 * the user wrote it, with a sentence of why, before Calcite would plan it into a shape the kernels
 * cannot run.
 */
final class SupportedSql {
    /** Operators and functions the expression code generator implements. */
    private static final Set<SqlKind> SUPPORTED = EnumSet.of(
        SqlKind.SELECT, SqlKind.AS, SqlKind.IDENTIFIER, SqlKind.LITERAL, SqlKind.INTERVAL_QUALIFIER,
        SqlKind.AND, SqlKind.OR, SqlKind.NOT,
        SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
        SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.BETWEEN, SqlKind.IN, SqlKind.NOT_IN,
        SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD,
        SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX, SqlKind.CASE, SqlKind.CAST,
        SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_FALSE, SqlKind.IS_NOT_TRUE,
        SqlKind.IS_NOT_FALSE, SqlKind.COUNT, SqlKind.SUM, SqlKind.MIN, SqlKind.MAX, SqlKind.AVG,
        SqlKind.COLLECTION_TABLE, SqlKind.EXPLICIT_TABLE, SqlKind.DESCRIPTOR, SqlKind.TUMBLE, SqlKind.HOP, SqlKind.SESSION,
        SqlKind.ARGUMENT_ASSIGNMENT, SqlKind.DEFAULT, SqlKind.COALESCE, SqlKind.NULLIF);

    /** The window table functions the kernels implement. */
    private static final Set<String> WINDOWS = Set.of("TUMBLE", "HOP", "CUMULATE", "SESSION");

    /** Calcite's validator rewrites COALESCE into CASE with this internal cast (to NOT NULL). */
    private static final String CAST_NOT_NULL = "CAST NOT NULL";

    private SupportedSql() {
    }

    /** Rejects constructs the kernels do not implement: joins, ORDER BY, subqueries, set operations... */
    static void check(final SqlNode query) throws CompileException {
        if (query instanceof SqlOrderBy orderBy) {
            final SqlNodeList order = orderBy.orderList;
            if (order != null && !order.isEmpty()) {
                throw unsupported(order.getParserPosition(), "ORDER BY is not supported on a stream "
                    + "(results are emitted as they are produced; sort the output file instead)");
            }
            throw unsupported(orderBy.getParserPosition(), "LIMIT/OFFSET/FETCH are not supported on a stream");
        }
        if (!(query instanceof SqlSelect select)) {
            if (query.getKind() == SqlKind.UNION || query.getKind() == SqlKind.INTERSECT
                || query.getKind() == SqlKind.EXCEPT) {
                throw unsupported(query.getParserPosition(), query.getKind().sql + " is not supported yet");
            }
            throw unsupported(query.getParserPosition(), "only SELECT queries are supported");
        }
        checkSelect(select, true);
    }

    private static void checkSelect(final SqlSelect select, final boolean top) throws CompileException {
        if (!top) {
            throw unsupported(select.getParserPosition(), "subqueries are not supported yet");
        }
        final SqlNode distinct = select.getModifierNode(SqlSelectKeyword.DISTINCT);
        if (distinct != null) {
            throw unsupported(distinct.getParserPosition(), "SELECT DISTINCT is not supported yet (use GROUP BY)");
        }
        if (select.getWindowList() != null && !select.getWindowList().isEmpty()) {
            throw unsupported(select.getWindowList().getParserPosition(), "WINDOW clauses are not supported yet");
        }
        if (select.getOrderList() != null && !select.getOrderList().isEmpty()) {
            throw unsupported(select.getOrderList().get(0).getParserPosition(), "ORDER BY is not supported on a stream");
        }
        if (select.getFetch() != null || select.getOffset() != null) {
            final SqlNode n = select.getFetch() != null ? select.getFetch() : select.getOffset();
            throw unsupported(n.getParserPosition(), "LIMIT/OFFSET/FETCH are not supported on a stream");
        }
        if (select.getQualify() != null) {
            throw unsupported(select.getQualify().getParserPosition(), "QUALIFY is not supported");
        }
        checkFrom(select.getFrom());
        final SqlNodeList groupBy = select.getGroup();
        if (groupBy != null) {
            for (final SqlNode g : groupBy) {
                final SqlKind k = g.getKind();
                if (k == SqlKind.ROLLUP || k == SqlKind.CUBE || k == SqlKind.GROUPING_SETS) {
                    throw unsupported(g.getParserPosition(), k.sql + " is not supported yet");
                }
            }
        }
        for (final SqlNode n : new SqlNode[] {select.getSelectList(), select.getWhere(), groupBy, select.getHaving()}) {
            if (n != null) {
                checkExpression(n);
            }
        }
    }

    private static void checkFrom(final SqlNode from) throws CompileException {
        if (from == null) {
            return;
        }
        if (from instanceof SqlJoin join) {
            throw unsupported(join.getJoinTypeNode().getParserPosition(), "JOIN is not supported yet");
        }
        if (from instanceof SqlSelect s) {
            checkSelect(s, false);
        }
        if (from.getKind() == SqlKind.AS) {
            checkFrom(((SqlCall) from).operand(0));
            return;
        }
        if (from.getKind() == SqlKind.COLLECTION_TABLE) {
            final SqlNode fn = ((SqlCall) from).operand(0);
            if (fn instanceof SqlCall call) {
                final String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
                if (!WINDOWS.contains(name)) {
                    throw unsupported(call.getParserPosition(), "table function " + name
                        + " is not supported (window table functions: TUMBLE, HOP, CUMULATE, SESSION)");
                }
                for (final SqlNode operand : call.getOperandList()) {
                    if (operand instanceof SqlSelect s) {
                        checkSelect(s, false);
                    }
                }
            }
            return;
        }
        if (from instanceof SqlCall call && call.getKind() != SqlKind.EXPLICIT_TABLE) {
            throw unsupported(from.getParserPosition(),
                "this FROM clause is not supported (use a table or TABLE(TUMBLE/HOP/CUMULATE/SESSION(...)))");
        }
    }

    private static void checkExpression(final SqlNode node) throws CompileException {
        if (node instanceof SqlSelect s) {
            checkSelect(s, false);
        }
        if (node instanceof SqlNodeList list) {
            for (final SqlNode n : list) {
                if (n != null) {
                    checkExpression(n);
                }
            }
            return;
        }
        if (node instanceof SqlCall call) {
            final SqlKind kind = call.getKind();
            if (kind == SqlKind.OVER) {
                throw unsupported(call.getParserPosition(), "OVER window functions are not supported yet "
                    + "(use GROUP BY over TABLE(TUMBLE(...)))");
            }
            if (kind == SqlKind.FILTER) {
                throw unsupported(call.getParserPosition(), "aggregate FILTER (WHERE ...) is not supported yet");
            }
            if (call instanceof SqlBasicCall basic && basic.getFunctionQuantifier() != null
                && "DISTINCT".equalsIgnoreCase(basic.getFunctionQuantifier().toValue())) {
                throw unsupported(call.getParserPosition(), call.getOperator().getName()
                    + "(DISTINCT ...) is not supported yet");
            }
            for (final SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    checkExpression(operand);
                }
            }
        }
    }

    private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
        SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
        SqlKind.BETWEEN, SqlKind.IN, SqlKind.NOT_IN);

    /**
     * Calcite lets a string be compared with a number by casting it at run time; Sluice rejects it
     * when compiling (a string literal compared with a TIMESTAMP stays allowed: it is a timestamp).
     */
    private static void checkComparison(final SqlCall call, final SqlValidator validator) throws CompileException {
        final List<SqlNode> operands = new ArrayList<>();
        for (final SqlNode operand : call.getOperandList()) {
            if (operand instanceof SqlNodeList list) {
                operands.addAll(list.getList());
            } else if (operand != null && !(operand instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.SYMBOL)) {
                operands.add(operand);
            }
        }
        RelDataType first = null;
        SqlNode firstNode = null;
        for (final SqlNode operand : operands) {
            final RelDataType type = validator.getValidatedNodeTypeIfKnown(operand);
            if (type == null || type.getSqlTypeName() == SqlTypeName.NULL) {
                continue;
            }
            if (first == null) {
                first = type;
                firstNode = operand;
                continue;
            }
            final boolean firstChar = SqlTypeUtil.inCharFamily(first);
            final boolean otherChar = SqlTypeUtil.inCharFamily(type);
            if (firstChar != otherChar) {
                final SqlNode charNode = firstChar ? firstNode : operand;
                final RelDataType nonChar = firstChar ? type : first;
                if (charNode instanceof SqlLiteral && SqlTypeUtil.isDatetime(nonChar)) {
                    continue;
                }
                throw unsupported(call.getParserPosition(), "type mismatch: cannot compare "
                    + first.getSqlTypeName() + " with " + type.getSqlTypeName() + " in '" + call.getOperator().getName()
                    + "' (CAST one side explicitly)");
            }
        }
    }

    /** After validation: every operator and function must be one the code generator implements. */
    static void checkFunctions(final SqlNode validated, final SqlValidator validator) throws CompileException {
        checkFunctionsIn(validated, validator);
    }

    private static void checkFunctionsIn(final SqlNode validated, final SqlValidator validator) throws CompileException {
        if (validated instanceof SqlNodeList list) {
            for (final SqlNode n : list) {
                if (n != null) {
                    checkFunctionsIn(n, validator);
                }
            }
            return;
        }
        if (!(validated instanceof SqlCall call)) {
            return;
        }
        if (validated instanceof SqlSelect select) {
            for (final SqlNode n : new SqlNode[] {select.getSelectList(), select.getFrom(), select.getWhere(),
                select.getGroup(), select.getHaving()}) {
                if (n != null) {
                    checkFunctionsIn(n, validator);
                }
            }
            return;
        }
        if (call.getOperator() instanceof org.apache.calcite.sql.SqlWindowTableFunction window) {
            if (!WINDOWS.contains(window.getName().toUpperCase(Locale.ROOT))) {
                throw unsupported(call.getParserPosition(), window.getName() + " windows are not supported yet");
            }
        } else if (!SUPPORTED.contains(call.getKind()) && !call.getOperator().getName().equals(CAST_NOT_NULL)) {
            throw unsupported(call.getParserPosition(), describe(call) + " is not supported yet");
        }
        if (COMPARISONS.contains(call.getKind())) {
            checkComparison(call, validator);
        }
        for (final SqlNode operand : call.getOperandList()) {
            if (operand != null) {
                checkFunctionsIn(operand, validator);
            }
        }
    }

    private static String describe(final SqlCall call) {
        final String name = call.getOperator().getName();
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
            ? "function " + name.toUpperCase(Locale.ROOT) : "operator '" + name + "'";
    }

    private static CompileException unsupported(final SqlParserPos pos, final String message) {
        return QueryPlanner.error(pos, message);
    }
}
