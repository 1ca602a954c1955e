package io.sluice.compiler.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Calcite's {@link RexBuilder} with two differences.
 *
 * <p>A comparison of an integer with a DOUBLE gets an explicit CAST of the integer to DOUBLE (with
 * implicit coercion off, Calcite leaves {@code i >= 0.0} uncast, and its simplifier then throws a
 * ClassCastException on {@code i >= 0.0 AND i <= 0}, comparing a Double bound with a BigDecimal).
 * The generated code compared such operands as DOUBLE already.
 *
 * <p>A literal cast to a string is not folded while planning. Calcite folds it with its own formatting ({@code CAST(TRUE AS VARCHAR)} is
 * {@code 'TRUE'}, a TIMESTAMP loses its milliseconds, {@code -0.0} becomes {@code '0E0'}), which
 * differs from what the same cast gives at run time over a column ({@code true},
 * {@code yyyy-MM-dd HH:mm:ss.SSS}, {@code Double.toString}). Kept as a cast, the generated code
 * formats constants and columns alike. {@link #EXECUTOR} is the constant folder to plan with: it
 * leaves such casts alone too (Calcite's simplifier folds constant expressions with it).
 */
final class SluiceRexBuilder extends RexBuilder {
    /** Calcite's constant folding, except for expressions that cast a non-string to a string. */
    static final RexExecutor EXECUTOR = (rexBuilder, constExps, reducedValues) -> {
        for (final RexNode e : constExps) {
            if (castsToString(e)) {
                reducedValues.addAll(constExps);
                return;
            }
        }
        RexUtil.EXECUTOR.reduce(rexBuilder, constExps, reducedValues);
    };

    SluiceRexBuilder(final RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCall(final SqlParserPos pos, final SqlOperator op, final List<? extends RexNode> exprs) {
        return super.makeCall(pos, op, consistent(op, exprs));
    }

    @Override
    public RexNode makeCall(final SqlParserPos pos, final RelDataType returnType, final SqlOperator op,
                            final List<RexNode> exprs) {
        return super.makeCall(pos, returnType, op, consistent(op, exprs));
    }

    /** The operands of a comparison of an integer with a DOUBLE, with the integer cast to DOUBLE. */
    private List<RexNode> consistent(final SqlOperator op, final List<? extends RexNode> exprs) {
        final List<RexNode> operands = new ArrayList<>(exprs);
        if (!SqlKind.BINARY_COMPARISON.contains(op.getKind()) || operands.size() != 2) {
            return operands;
        }
        final RelDataType a = operands.get(0).getType();
        final RelDataType b = operands.get(1).getType();
        if (!SqlTypeUtil.isNumeric(a) || !SqlTypeUtil.isNumeric(b)
            || SqlTypeUtil.isApproximateNumeric(a) == SqlTypeUtil.isApproximateNumeric(b)) {
            return operands;
        }
        final int exact = SqlTypeUtil.isApproximateNumeric(a) ? 1 : 0;
        final RexNode operand = operands.get(exact);
        final RelDataType toDouble = getTypeFactory().createTypeWithNullability(
            getTypeFactory().createSqlType(SqlTypeName.DOUBLE), operand.getType().isNullable());
        operands.set(exact, makeCast(SqlParserPos.ZERO, toDouble, operand, true, false));
        return operands;
    }

    @Override
    public RexNode makeCast(final SqlParserPos pos, final RelDataType type, final RexNode exp,
                            final boolean matchNullability, final boolean safe, final RexLiteral format) {
        if (exp instanceof RexLiteral literal && !literal.isNull() && SqlTypeUtil.inCharFamily(type)
            && !SqlTypeUtil.inCharFamily(literal.getType())) {
            return makeAbstractCast(pos, type, exp, safe, format);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }

    private static boolean castsToString(final RexNode e) {
        if (!(e instanceof RexCall call)) {
            return false;
        }
        if (call.getKind() == SqlKind.CAST && SqlTypeUtil.inCharFamily(call.getType())
            && !SqlTypeUtil.inCharFamily(call.getOperands().get(0).getType())) {
            return true;
        }
        for (final RexNode operand : call.getOperands()) {
            if (castsToString(operand)) {
                return true;
            }
        }
        return false;
    }
}
