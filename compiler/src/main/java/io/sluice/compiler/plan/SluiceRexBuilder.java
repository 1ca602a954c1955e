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
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's {@link RexBuilder} with one difference: a literal cast to a string is not folded
 * while planning. Calcite folds it with its own formatting ({@code CAST(TRUE AS VARCHAR)} is
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
