package io.sluice.compiler.codegen;

import io.sluice.compiler.CompileException;
import io.sluice.runtime.expr.MessageText;
import io.sluice.runtime.type.SqlType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * Translates one Calcite row expression into Java statements with SQL semantics: every value is a
 * pair of Java locals, the value and its NULL flag ({@code false} when the expression cannot be
 * NULL, so NOT NULL columns cost nothing). AND, OR and CASE evaluate lazily, so a guarded
 * division is never evaluated for a row the guard excludes. Failing operations (overflow,
 * division by zero, bad casts) call {@code SqlFunctions}, which throws with the expression's text.
 *
 * <p>Statements are appended to the caller's builder; the returned {@link Expr} names the locals.
 */
public final class ExprCodegen {

    /**
     * A generated value: Java expressions for its value and NULL flag, its type, and for VARCHAR
     * values read straight from a column the local holding the dictionary code (else null).
     */
    public record Expr(String value, String isNull, SqlType type, String code) {
        public Expr(final String value, final String isNull, final SqlType type) {
            this(value, isNull, type, null);
        }

        public boolean nullable() {
            return !"false".equals(isNull);
        }
    }

    /** Resolves the input fields expressions refer to. */
    public interface Inputs {
        Expr input(int index);

        /** The field's name, for messages. */
        String name(int index);
    }

    private final Inputs inputs;
    private final RexBuilder rexBuilder;
    private final TempNames temps;

    public ExprCodegen(final Inputs inputs, final RexBuilder rexBuilder, final TempNames temps) {
        this.inputs = inputs;
        this.rexBuilder = rexBuilder;
        this.temps = temps;
    }

    /** Generates {@code node}, appending statements at {@code indent} to {@code out}. */
    public Expr gen(final RexNode node, final StringBuilder out, final String indent) throws CompileException {
        if (node instanceof RexInputRef ref) {
            return inputs.input(ref.getIndex());
        }
        if (node instanceof RexLiteral literal) {
            return literal(literal);
        }
        if (!(node instanceof RexCall call)) {
            throw unsupported(node);
        }
        final SqlType type = typeOf(node);
        final List<RexNode> ops = call.getOperands();
        switch (call.getKind()) {
            case SEARCH:
                return gen(RexUtil.expandSearch(rexBuilder, null, call), out, indent);
            case AND:
            case OR:
                return logical(call, out, indent);
            case NOT: {
                final Expr a = gen(ops.get(0), out, indent);
                return declare(SqlType.BOOLEAN, "!" + paren(a.value()), a.isNull(), out, indent);
            }
            case IS_NULL:
                return new Expr(gen(ops.get(0), out, indent).isNull(), "false", SqlType.BOOLEAN);
            case IS_NOT_NULL:
                return new Expr("!" + paren(gen(ops.get(0), out, indent).isNull()), "false", SqlType.BOOLEAN);
            case IS_TRUE: {
                final Expr a = gen(ops.get(0), out, indent);
                return new Expr("(!" + paren(a.isNull()) + " && " + a.value() + ")", "false", SqlType.BOOLEAN);
            }
            case IS_FALSE: {
                final Expr a = gen(ops.get(0), out, indent);
                return new Expr("(!" + paren(a.isNull()) + " && !" + paren(a.value()) + ")", "false", SqlType.BOOLEAN);
            }
            case IS_NOT_TRUE: {
                final Expr a = gen(ops.get(0), out, indent);
                return new Expr("(" + a.isNull() + " || !" + paren(a.value()) + ")", "false", SqlType.BOOLEAN);
            }
            case IS_NOT_FALSE: {
                final Expr a = gen(ops.get(0), out, indent);
                return new Expr("(" + a.isNull() + " || " + a.value() + ")", "false", SqlType.BOOLEAN);
            }
            case EQUALS:
            case NOT_EQUALS:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
                return comparison(call, out, indent);
            case PLUS:
            case MINUS:
            case TIMES:
            case DIVIDE:
            case MOD:
                return arithmetic(call, type, out, indent);
            case MINUS_PREFIX: {
                final Expr a = gen(ops.get(0), out, indent);
                final String v = switch (type) {
                    case INT -> "SqlFunctions.negate(" + convert(a, SqlType.INT) + ", " + text(call) + ")";
                    case BIGINT -> "SqlFunctions.negate(" + convert(a, SqlType.BIGINT) + ", " + text(call) + ")";
                    case DOUBLE -> "-" + paren(convert(a, SqlType.DOUBLE));
                    default -> throw unsupported(call);
                };
                return declare(type, v, a.isNull(), out, indent);
            }
            case PLUS_PREFIX:
                return gen(ops.get(0), out, indent);
            case CASE:
                return caseWhen(call, type, out, indent);
            case CAST:
                return cast(call, type, out, indent);
            default:
                throw unsupported(call);
        }
    }

    // ------------------------------------------------------------------ literals

    private Expr literal(final RexLiteral literal) throws CompileException {
        final SqlType type = typeOf(literal);
        if (literal.isNull()) {
            // a typed null: templates call String methods on VARCHAR values (in code a NULL skips)
            return new Expr(type == SqlType.VARCHAR ? "((String) null)" : JavaType.zero(type), "true", type);
        }
        final String value = switch (type) {
            case BOOLEAN -> Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? "true" : "false";
            case INT -> Integer.toString(literal.getValueAs(BigDecimal.class).intValueExact());
            case BIGINT -> literal.getValueAs(BigDecimal.class).longValueExact() + "L";
            case TIMESTAMP -> literal.getValueAs(Long.class) + "L";
            case DOUBLE -> doubleLiteral(literal.getValueAs(Double.class));
            case VARCHAR -> JavaType.stringLiteral(literal.getValueAs(String.class));
        };
        return new Expr(value, "false", type);
    }

    static String doubleLiteral(final double d) {
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(d) + "d";
    }

    // ------------------------------------------------------------------ logic

    /** AND / OR with SQL's three-valued logic, evaluating operands left to right only as needed. */
    private Expr logical(final RexCall call, final StringBuilder out, final String indent) throws CompileException {
        final boolean and = call.getKind() == SqlKind.AND;
        Expr acc = gen(call.getOperands().get(0), out, indent);
        for (int k = 1; k < call.getOperands().size(); k++) {
            final String r = temps.next();
            out.append(indent).append("boolean ").append(r).append(";\n");
            out.append(indent).append("boolean ").append(r).append("_null;\n");
            // a decided operand (FALSE for AND, TRUE for OR) decides the result
            final String decided = and ? "!" + paren(acc.isNull()) + " && !" + paren(acc.value())
                : "!" + paren(acc.isNull()) + " && " + paren(acc.value());
            out.append(indent).append("if (").append(decided).append(") {\n");
            out.append(indent).append("    ").append(r).append(" = ").append(!and).append(";\n");
            out.append(indent).append("    ").append(r).append("_null = false;\n");
            out.append(indent).append("} else {\n");
            final String inner = indent + "    ";
            final Expr b = gen(call.getOperands().get(k), out, inner);
            final String bDecided = and ? "!" + paren(b.isNull()) + " && !" + paren(b.value())
                : "!" + paren(b.isNull()) + " && " + paren(b.value());
            out.append(inner).append("if (").append(bDecided).append(") {\n");
            out.append(inner).append("    ").append(r).append(" = ").append(!and).append(";\n");
            out.append(inner).append("    ").append(r).append("_null = false;\n");
            out.append(inner).append("} else {\n");
            out.append(inner).append("    ").append(r).append("_null = ").append(acc.isNull()).append(" || ")
                .append(b.isNull()).append(";\n");
            out.append(inner).append("    ").append(r).append(" = ").append(and).append(";\n");
            out.append(inner).append("}\n");
            out.append(indent).append("}\n");
            acc = new Expr(r, r + "_null", SqlType.BOOLEAN);
        }
        return acc;
    }

    private Expr comparison(final RexCall call, final StringBuilder out, final String indent) throws CompileException {
        final Expr a = gen(call.getOperands().get(0), out, indent);
        final Expr b = gen(call.getOperands().get(1), out, indent);
        final String op = switch (call.getKind()) {
            case EQUALS -> "==";
            case NOT_EQUALS -> "!=";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            default -> throw unsupported(call);
        };
        final String v;
        if (a.type() == SqlType.VARCHAR && b.type() == SqlType.VARCHAR) {
            if (a.code() != null && b.code() != null && (op.equals("==") || op.equals("!="))) {
                v = a.code() + " " + op + " " + b.code(); // one dictionary: equal strings, equal codes
            } else if (op.equals("==")) {
                v = a.value() + ".equals(" + b.value() + ")";
            } else if (op.equals("!=")) {
                v = "!" + a.value() + ".equals(" + b.value() + ")";
            } else {
                v = a.value() + ".compareTo(" + b.value() + ") " + op + " 0";
            }
        } else if (a.type() == SqlType.VARCHAR || b.type() == SqlType.VARCHAR) {
            throw new CompileException(0, 0, "type mismatch: cannot compare " + a.type().sqlName() + " with "
                + b.type().sqlName() + " in " + describe(call));
        } else if (a.type() == SqlType.DOUBLE || b.type() == SqlType.DOUBLE) {
            v = "SqlFunctions.compare(" + convert(a, SqlType.DOUBLE) + ", " + convert(b, SqlType.DOUBLE) + ") " + op + " 0";
        } else if (a.type() == SqlType.BOOLEAN) {
            v = op.equals("==") || op.equals("!=") ? a.value() + " " + op + " " + b.value()
                : "Boolean.compare(" + a.value() + ", " + b.value() + ") " + op + " 0";
        } else {
            v = a.value() + " " + op + " " + b.value();
        }
        return declare(SqlType.BOOLEAN, v, or(a.isNull(), b.isNull()), out, indent);
    }

    // ------------------------------------------------------------------ arithmetic

    private Expr arithmetic(final RexCall call, final SqlType type, final StringBuilder out, final String indent)
        throws CompileException {
        final Expr a = gen(call.getOperands().get(0), out, indent);
        final Expr b = gen(call.getOperands().get(1), out, indent);
        final String function = switch (call.getKind()) {
            case PLUS -> "add";
            case MINUS -> "subtract";
            case TIMES -> "multiply";
            case DIVIDE -> "divide";
            case MOD -> "mod";
            default -> throw unsupported(call);
        };
        final boolean wideOperand = call.getKind() == SqlKind.MOD
            && (a.type() == SqlType.BIGINT || b.type() == SqlType.BIGINT);
        final String v = switch (type) {
            // Calcite types MOD as its divisor: BIGINT % INT is INT. The remainder fits the divisor's
            // type, but the dividend must not be narrowed: compute in BIGINT.
            case INT -> wideOperand
                ? "(int) SqlFunctions." + function + "(" + convert(a, SqlType.BIGINT) + ", " + convert(b, SqlType.BIGINT)
                    + ", " + text(call) + ")"
                : "SqlFunctions." + function + "(" + convert(a, SqlType.INT) + ", " + convert(b, SqlType.INT)
                    + ", " + text(call) + ")";
            case BIGINT, TIMESTAMP -> "SqlFunctions." + function + "(" + convert(a, SqlType.BIGINT) + ", "
                + convert(b, SqlType.BIGINT) + ", " + text(call) + ")";
            case DOUBLE -> paren(convert(a, SqlType.DOUBLE)) + " " + switch (call.getKind()) {
                case PLUS -> "+";
                case MINUS -> "-";
                case TIMES -> "*";
                case DIVIDE -> "/";
                default -> "%";
            } + " " + paren(convert(b, SqlType.DOUBLE));
            default -> throw unsupported(call);
        };
        return declare(type, v, or(a.isNull(), b.isNull()), out, indent);
    }

    /** {@code e}'s value as a Java value of {@code target} (numeric widening; narrowing is checked by CAST). */
    static String convert(final Expr e, final SqlType target) {
        if (e.type() == target || (target == SqlType.BIGINT && e.type() == SqlType.TIMESTAMP)
            || (target == SqlType.TIMESTAMP && e.type() == SqlType.BIGINT)) {
            return e.value();
        }
        return switch (target) {
            case BIGINT, TIMESTAMP -> "(long) " + paren(e.value());
            case DOUBLE -> "(double) " + paren(e.value());
            case INT -> "(int) " + paren(e.value());
            default -> e.value();
        };
    }

    // ------------------------------------------------------------------ CASE, CAST

    private Expr caseWhen(final RexCall call, final SqlType type, final StringBuilder out, final String indent)
        throws CompileException {
        final String r = temps.next();
        out.append(indent).append(JavaType.name(type)).append(' ').append(r).append(";\n");
        out.append(indent).append("boolean ").append(r).append("_null;\n");
        caseBranch(call.getOperands(), 0, r, type, out, indent);
        return new Expr(r, r + "_null", type);
    }

    private void caseBranch(final List<RexNode> ops, final int k, final String r, final SqlType type,
                            final StringBuilder out, final String indent) throws CompileException {
        if (k == ops.size() - 1) {
            assign(gen(ops.get(k), out, indent), r, type, out, indent);
            return;
        }
        final Expr when = gen(ops.get(k), out, indent);
        out.append(indent).append("if (!").append(paren(when.isNull())).append(" && ").append(paren(when.value()))
            .append(") {\n");
        final String inner = indent + "    ";
        assign(gen(ops.get(k + 1), out, inner), r, type, out, inner);
        out.append(indent).append("} else {\n");
        caseBranch(ops, k + 2, r, type, out, inner);
        out.append(indent).append("}\n");
    }

    private static void assign(final Expr e, final String r, final SqlType type, final StringBuilder out,
                               final String indent) {
        out.append(indent).append(r).append("_null = ").append(e.isNull()).append(";\n");
        out.append(indent).append(r).append(" = ").append(e.nullable()
            ? paren(e.isNull()) + " ? " + JavaType.zero(type) + " : " + convert(e, type)
            : convert(e, type)).append(";\n");
    }

    private Expr cast(final RexCall call, final SqlType to, final StringBuilder out, final String indent)
        throws CompileException {
        final Expr a = gen(call.getOperands().get(0), out, indent);
        final SqlType from = a.type();
        if (from == to) {
            return a;
        }
        final String t = text(call);
        final String v = switch (to) {
            case VARCHAR -> switch (from) {
                case TIMESTAMP -> "SqlFunctions.timestampToVarchar(" + a.value() + ")";
                default -> "SqlFunctions.toVarchar(" + a.value() + ")";
            };
            case BIGINT -> switch (from) {
                case INT -> "(long) " + a.value();
                case DOUBLE -> "SqlFunctions.castToBigint(" + a.value() + ", " + t + ")";
                case VARCHAR -> "SqlFunctions.parseBigint(" + a.value() + ", " + t + ")";
                default -> throw cannotCast(from, to, call);
            };
            case INT -> switch (from) {
                case BIGINT, DOUBLE -> "SqlFunctions.castToInt(" + a.value() + ", " + t + ")";
                case VARCHAR -> "SqlFunctions.parseInt(" + a.value() + ", " + t + ")";
                default -> throw cannotCast(from, to, call);
            };
            case DOUBLE -> switch (from) {
                case INT, BIGINT -> "(double) " + a.value();
                case VARCHAR -> "SqlFunctions.parseDouble(" + a.value() + ", " + t + ")";
                default -> throw cannotCast(from, to, call);
            };
            case BOOLEAN -> switch (from) {
                case VARCHAR -> "SqlFunctions.parseBoolean(" + a.value() + ", " + t + ")";
                default -> throw cannotCast(from, to, call);
            };
            case TIMESTAMP -> switch (from) {
                case VARCHAR -> "SqlFunctions.parseTimestamp(" + a.value() + ", " + t + ")";
                default -> throw cannotCast(from, to, call);
            };
        };
        return declare(to, v, a.isNull(), out, indent);
    }

    private CompileException cannotCast(final SqlType from, final SqlType to, final RexCall call) {
        return new CompileException(0, 0, "cannot cast " + from.sqlName() + " to " + to.sqlName() + " in "
            + describe(call));
    }

    // ------------------------------------------------------------------ helpers

    /** Declares a local for {@code value} (evaluated only when not NULL) and its NULL flag. */
    private Expr declare(final SqlType type, final String value, final String isNull, final StringBuilder out,
                         final String indent) {
        final String t = temps.next();
        if ("false".equals(isNull)) {
            out.append(indent).append("final ").append(JavaType.name(type)).append(' ').append(t).append(" = ")
                .append(value).append(";\n");
            return new Expr(t, "false", type);
        }
        out.append(indent).append("final boolean ").append(t).append("_null = ").append(isNull).append(";\n");
        out.append(indent).append("final ").append(JavaType.name(type)).append(' ').append(t).append(" = ")
            .append(t).append("_null ? ").append(JavaType.zero(type)).append(" : ").append(value).append(";\n");
        return new Expr(t, t + "_null", type);
    }

    private static String or(final String a, final String b) {
        if ("false".equals(a)) {
            return b;
        }
        if ("false".equals(b)) {
            return a;
        }
        return a + " || " + b;
    }

    private static String paren(final String s) {
        return s.matches("[A-Za-z0-9_.]+") ? s : "(" + s + ")";
    }

    /** The expression's text for a run-time error message, on one line. */
    private String text(final RexNode node) {
        return JavaType.stringLiteral(MessageText.escape(describe(node)));
    }

    private SqlType typeOf(final RexNode node) throws CompileException {
        final SqlType t = JavaType.of(node.getType());
        if (t == null) {
            throw new CompileException(0, 0, "type " + node.getType().getFullTypeString() + " of " + describe(node)
                + " is not supported");
        }
        return t;
    }

    private CompileException unsupported(final RexNode node) {
        return new CompileException(0, 0, "expression " + describe(node) + " is not supported yet");
    }

    /** SQL-like text of an expression, with field names, for messages. */
    public String describe(final RexNode node) {
        if (node instanceof RexInputRef ref) {
            return inputs.name(ref.getIndex());
        }
        if (node instanceof RexLiteral literal) {
            if (literal.isNull()) {
                return "NULL";
            }
            final Object v = literal.getValue2();
            return v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(literal.getValue3());
        }
        if (node instanceof RexCall call) {
            final List<RexNode> ops = call.getOperands();
            final String op = switch (call.getKind()) {
                case PLUS -> "+";
                case MINUS -> "-";
                case TIMES -> "*";
                case DIVIDE -> "/";
                case MOD -> "%";
                case EQUALS -> "=";
                case NOT_EQUALS -> "<>";
                case LESS_THAN -> "<";
                case LESS_THAN_OR_EQUAL -> "<=";
                case GREATER_THAN -> ">";
                case GREATER_THAN_OR_EQUAL -> ">=";
                case AND -> "AND";
                case OR -> "OR";
                default -> null;
            };
            if (op != null && ops.size() >= 2) {
                final StringBuilder sb = new StringBuilder();
                for (int k = 0; k < ops.size(); k++) {
                    if (k > 0) {
                        sb.append(' ').append(op).append(' ');
                    }
                    final String d = describe(ops.get(k));
                    sb.append(ops.get(k) instanceof RexCall c && c.getOperands().size() > 1 && c.getKind() != SqlKind.CAST
                        ? "(" + d + ")" : d);
                }
                return sb.toString();
            }
            if (call.getKind() == SqlKind.CAST) {
                return "CAST(" + describe(ops.get(0)) + " AS " + call.getType().getSqlTypeName() + ")";
            }
            if (call.getKind() == SqlKind.MINUS_PREFIX) {
                return "-" + describe(ops.get(0));
            }
            final StringBuilder sb = new StringBuilder(call.getOperator().getName()).append('(');
            for (int k = 0; k < ops.size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(describe(ops.get(k)));
            }
            return sb.append(')').toString();
        }
        return node.toString();
    }
}
