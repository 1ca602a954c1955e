package io.sluice.compiler.codegen;

import io.sluice.runtime.type.SqlType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Lane code for the SIMD twins: a WHERE predicate evaluated 8 rows at a time into a
 * {@code VectorMask}, when the predicate allows it (else {@link #predicate} returns null and both
 * twins run the scalar filter).
 *
 * <p>What runs in lanes: comparisons ({@code = <> < <= > >=}) of a number with a numeric literal,
 * or of two integer numbers, where a number is a BIGINT, TIMESTAMP, INT or DOUBLE column or
 * arithmetic over columns and literals ({@link #value}: BIGINT arithmetic marks the lanes that
 * overflowed, which the scalar code must decide), {@code IS [NOT] NULL}, {@code AND}, {@code OR},
 * {@code NOT} and {@code SEARCH} ranges, with SQL's three-valued logic: every node yields a mask of
 * the lanes where it is TRUE and one where it is FALSE (a NULL lane is in neither); WHERE keeps the
 * TRUE lanes. DOUBLE comparisons follow the scalar twin's total order ({@code SqlFunctions.compare}:
 * NaN above every number, {@code -0.0 = 0.0}).
 *
 * <p>Conventions of the generated code (see {@code simd.ftl}): column {@code c} is loaded as
 * {@code c_v} (a {@code LongVector} for BIGINT, TIMESTAMP and INT widened to longs, a
 * {@code DoubleVector} for DOUBLE) and, when nullable, its NULL lanes as the mask {@code c_n};
 * masks are of species {@code LS} (8 long lanes).
 */
public final class VectorCodegen {

    /** A column the lane code loads. */
    public record LaneColumn(int index, String var, String kind, boolean nullable) {
        /** L: 8-byte integer lanes; I: INT widened to long lanes; D: double lanes. */
        public String getKind() {
            return kind;
        }
    }

    /**
     * A predicate in lanes: {@code code} declares masks (one statement per line, to be indented by
     * the template) and {@code mask} names the mask of the rows that pass; {@code overflow} names the
     * mask of the lanes where BIGINT arithmetic in the predicate overflowed or might have (null: it
     * cannot), whose rows the scalar code must decide (its checked arithmetic may fail there).
     */
    public record LanePredicate(List<String> code, String mask, String overflow, Map<Integer, LaneColumn> columns) {
    }

    /**
     * A number in lanes: {@code code} declares vectors and masks (one statement per line),
     * {@code value} names the result, a {@code LongVector} (kind L) or a {@code DoubleVector} (kind
     * D); {@code nulls} names the mask of its NULL lanes (null: it has none) and {@code overflow}
     * the mask of the lanes where BIGINT arithmetic overflowed or might have (null: it cannot). The
     * value of an overflow lane is meaningless: the caller must let the scalar code, whose checked
     * arithmetic decides, take such a row.
     */
    public record LaneValue(List<String> code, String value, String kind, String nulls, String overflow,
                            Map<Integer, LaneColumn> columns) {
    }

    /** Products of BIGINT lanes whose factors are both within this bound cannot overflow. */
    private static final long PRODUCT_BOUND = 1L << 31;

    private final IntFunction<SqlType> columnType;
    private final IntFunction<Boolean> columnNullable;
    private final IntFunction<String> columnVar;
    private final Map<Integer, LaneColumn> columns = new LinkedHashMap<>();
    private final List<String> code = new ArrayList<>();
    /** Masks of lanes whose BIGINT arithmetic may have overflowed ({@link #value}). */
    private final List<String> overflows = new ArrayList<>();
    /** Names the temporaries: distinct per VectorCodegen whose code shares one scope. */
    private final String prefix;
    private int temps;

    private VectorCodegen(final String prefix, final IntFunction<SqlType> columnType,
                          final IntFunction<Boolean> columnNullable, final IntFunction<String> columnVar) {
        this.prefix = prefix;
        this.columnType = columnType;
        this.columnNullable = columnNullable;
        this.columnVar = columnVar;
    }

    /**
     * The lane form of {@code condition} over the input columns, or null when some part of it
     * cannot run in lanes.
     *
     * @param columnCount input columns: a reference at or beyond it ({@code window_start}...) is not
     *                    vectorised
     */
    public static LanePredicate predicate(final RexNode condition, final RexBuilder rexBuilder, final int columnCount,
                                          final IntFunction<SqlType> columnType,
                                          final IntFunction<Boolean> columnNullable,
                                          final IntFunction<String> columnVar) {
        final VectorCodegen gen = new VectorCodegen("vm", columnType, columnNullable, columnVar);
        final RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
        final Masks m = gen.gen(expanded, columnCount);
        return m == null ? null : new LanePredicate(gen.code, m.trueMask, gen.overflow(), gen.columns);
    }

    /**
     * The lane form of the number {@code node} over the input columns: columns, numeric literals,
     * {@code + - *} of BIGINT or DOUBLE values and {@code /} of DOUBLE ones (as the scalar code
     * computes them: an INT column widened, an integer operand of DOUBLE arithmetic converted to
     * double, DOUBLE operations in IEEE arithmetic lane by lane, so each lane has the scalar value's
     * bits), and CASTs between them; null when some part cannot run in lanes (INT arithmetic,
     * whose overflow is at 32 bits; division of integers; anything else).
     *
     * @param prefix names the temporaries, distinct from those of other lane code in the same scope
     */
    public static LaneValue value(final RexNode node, final String prefix, final int columnCount,
                                  final IntFunction<SqlType> columnType, final IntFunction<Boolean> columnNullable,
                                  final IntFunction<String> columnVar) {
        final VectorCodegen gen = new VectorCodegen(prefix, columnType, columnNullable, columnVar);
        final Lanes v = gen.number(node, columnCount);
        if (v == null) {
            return null;
        }
        return new LaneValue(gen.code, v.var, v.kind, v.nulls, gen.overflow(), gen.columns);
    }

    /** The union of the overflow masks of the arithmetic generated (null: none can overflow). */
    private String overflow() {
        String overflow = null;
        for (final String o : overflows) {
            overflow = or(overflow, o);
        }
        return overflow;
    }

    /**
     * A number in lanes while it is generated: the vector's name, its kind (L or D), its NULL lanes,
     * and the value of every lane when it is an integer literal (else null).
     */
    private record Lanes(String var, String kind, String nulls, Long constant) {
        Lanes(final String var, final String kind, final String nulls) {
            this(var, kind, nulls, null);
        }
    }

    private Lanes number(final RexNode node, final int columnCount) {
        if (node instanceof RexInputRef ref) {
            final LaneColumn c = ref.getIndex() < columnCount ? column(ref.getIndex()) : null;
            return c == null ? null
                : new Lanes(c.var() + "_v", c.kind().equals("D") ? "D" : "L", c.nullable() ? c.var() + "_n" : null);
        }
        if (node instanceof RexLiteral lit) {
            final BigDecimal value = lit.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP
                ? null : numericValue(lit);
            if (value == null) {
                return null;
            }
            final SqlType type = typeOf(lit.getType().getSqlTypeName());
            if (type == SqlType.DOUBLE) {
                return vector("D", "DoubleVector.broadcast(DS, " + Double.toString(value.doubleValue()) + "d)", null);
            }
            if (type == null || value.stripTrailingZeros().scale() > 0) {
                return null;
            }
            try {
                final long exact = value.longValueExact();
                final Lanes broadcast = vector("L", "LongVector.broadcast(LS, " + exact + "L)", null);
                return new Lanes(broadcast.var, "L", null, exact);
            } catch (final ArithmeticException e) {
                return null;
            }
        }
        if (!(node instanceof RexCall call)) {
            return null;
        }
        final SqlType type = typeOf(call.getType().getSqlTypeName());
        switch (call.getKind()) {
            case CAST -> {
                final Lanes x = number(call.getOperands().get(0), columnCount);
                final SqlType from = typeOf(call.getOperands().get(0).getType().getSqlTypeName());
                if (x == null || type == null || from == null) {
                    return null;
                }
                if (type == SqlType.DOUBLE) {
                    return x.kind.equals("D") ? x : asDouble(x);
                }
                // INT to BIGINT widens (INT lanes are already longs); anything else narrows or rounds
                return type == SqlType.BIGINT && (from == SqlType.INT || from == SqlType.BIGINT) ? x : null;
            }
            case PLUS, MINUS, TIMES, DIVIDE -> {
                if (type != SqlType.BIGINT && type != SqlType.DOUBLE
                    || type == SqlType.BIGINT && call.getKind() == SqlKind.DIVIDE) {
                    return null;
                }
                Lanes a = number(call.getOperands().get(0), columnCount);
                Lanes b = number(call.getOperands().get(1), columnCount);
                if (a == null || b == null) {
                    return null;
                }
                final String nulls = or(a.nulls, b.nulls);
                final String op = switch (call.getKind()) {
                    case PLUS -> "ADD";
                    case MINUS -> "SUB";
                    case TIMES -> "MUL";
                    default -> "DIV";
                };
                if (type == SqlType.DOUBLE) {
                    a = a.kind.equals("D") ? a : asDouble(a);
                    b = b.kind.equals("D") ? b : asDouble(b);
                    return vector("D", a.var + ".lanewise(VectorOperators." + op + ", " + b.var + ")", nulls);
                }
                if (!a.kind.equals("L") || !b.kind.equals("L")) {
                    return null;
                }
                final Lanes r = vector("L", a.var + ".lanewise(VectorOperators." + op + ", " + b.var + ")", nulls);
                // the scalar code's Math.addExact/subtractExact/multiplyExact, as a mask of lanes to leave to
                // it (a NULL lane's value is meaningless and never computed by the scalar code)
                final String overflow = switch (call.getKind()) {
                    case PLUS -> a.var + ".lanewise(VectorOperators.XOR, " + r.var + ").lanewise(VectorOperators.AND, "
                        + b.var + ".lanewise(VectorOperators.XOR, " + r.var + ")).compare(VectorOperators.LT, 0L)";
                    case MINUS -> a.var + ".lanewise(VectorOperators.XOR, " + b.var + ").lanewise(VectorOperators.AND, "
                        + a.var + ".lanewise(VectorOperators.XOR, " + r.var + ")).compare(VectorOperators.LT, 0L)";
                    default -> product(a, b);
                };
                if (overflow == null) {
                    return r; // a product by 0 or 1 cannot leave the BIGINT range
                }
                overflows.add(mask(nulls == null ? overflow : "(" + overflow + ").andNot(" + nulls + ")"));
                return r;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The lanes where the product a * b overflows or might: by a literal c, exactly those whose other
     * factor is outside [MIN / c, MAX / c] (rounded inwards); else those with a factor beyond 2^31 (a
     * product of factors within it fits). Null when no lane can overflow.
     */
    private static String product(final Lanes a, final Lanes b) {
        final Lanes other = a.constant != null ? b : a;
        final Long c = a.constant != null ? a.constant : b.constant;
        if (c == null) {
            return outside(a.var, -PRODUCT_BOUND, PRODUCT_BOUND) + ".or(" + outside(b.var, -PRODUCT_BOUND, PRODUCT_BOUND) + ")";
        }
        if (c == 0L || c == 1L) {
            return null;
        }
        // x * c stays in [MIN, MAX] exactly for x in [lo, hi]
        final BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        final BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        final BigInteger big = BigInteger.valueOf(c);
        final BigInteger lo = c > 0 ? ceilDiv(min, big) : ceilDiv(max, big);
        final BigInteger hi = c > 0 ? max.divide(big) : floorDiv(min, big);
        return outside(other.var, lo.max(min).longValueExact(), hi.min(max).longValueExact());
    }

    private static BigInteger floorDiv(final BigInteger x, final BigInteger y) {
        final BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static BigInteger ceilDiv(final BigInteger x, final BigInteger y) {
        return floorDiv(x.negate(), y).negate();
    }

    /** The lanes of v outside [lo, hi]. */
    private static String outside(final String v, final long lo, final long hi) {
        return v + ".compare(VectorOperators.LT, " + lo + "L).or(" + v + ".compare(VectorOperators.GT, " + hi + "L))";
    }

    /** The scalar code's (double) of a BIGINT value (round to nearest), lane by lane. */
    private Lanes asDouble(final Lanes x) {
        return vector("D", "(DoubleVector) " + x.var + ".convert(VectorOperators.L2D, 0)", x.nulls);
    }

    private Lanes vector(final String kind, final String expr, final String nulls) {
        final String t = temp();
        code.add("final " + (kind.equals("D") ? "DoubleVector " : "LongVector ") + t + " = " + expr + ";");
        return new Lanes(t, kind, nulls);
    }

    private String mask(final String expr) {
        return declare(expr, null).trueMask();
    }

    /** BIGINT, INT or DOUBLE for those SQL types (integer and decimal literals are typed so too), else null. */
    private static SqlType typeOf(final org.apache.calcite.sql.type.SqlTypeName type) {
        return switch (type) {
            case BIGINT -> SqlType.BIGINT;
            case INTEGER, SMALLINT, TINYINT -> SqlType.INT;
            case DOUBLE, FLOAT, REAL -> SqlType.DOUBLE;
            default -> null;
        };
    }

    /** The lane kind of a column type, or null when it has no lane form. */
    public static String laneKind(final SqlType type) {
        return switch (type) {
            case BIGINT, TIMESTAMP -> "L";
            case INT -> "I";
            case DOUBLE -> "D";
            default -> null;
        };
    }

    /** Masks of a boolean node: lanes where it is TRUE, and FALSE (null: the complement of TRUE). */
    private record Masks(String trueMask, String falseMask) {
        String falseOrNot() {
            return falseMask != null ? falseMask : trueMask + ".not()";
        }
    }

    private Masks gen(final RexNode node, final int columnCount) {
        if (node instanceof RexLiteral lit && lit.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.BOOLEAN) {
            final Boolean b = lit.getValueAs(Boolean.class);
            if (b == null) {
                return declare("LS.maskAll(false)", "LS.maskAll(false)");
            }
            return declare("LS.maskAll(" + b + ")", null);
        }
        if (!(node instanceof RexCall call)) {
            return null;
        }
        switch (call.getKind()) {
            case AND, OR -> {
                final boolean and = call.getKind() == SqlKind.AND;
                Masks acc = null;
                for (final RexNode operand : call.getOperands()) {
                    final Masks m = gen(operand, columnCount);
                    if (m == null) {
                        return null;
                    }
                    if (acc == null) {
                        acc = m;
                        continue;
                    }
                    final String t = acc.trueMask + (and ? ".and(" : ".or(") + m.trueMask + ")";
                    final String f = acc.falseMask == null && m.falseMask == null ? null
                        : acc.falseOrNot() + (and ? ".or(" : ".and(") + m.falseOrNot() + ")";
                    acc = declare(t, f);
                }
                return acc;
            }
            case NOT -> {
                final Masks m = gen(call.getOperands().get(0), columnCount);
                return m == null ? null : declare(m.falseOrNot(), m.falseMask == null ? null : m.trueMask);
            }
            case IS_NULL, IS_NOT_NULL -> {
                if (!(call.getOperands().get(0) instanceof RexInputRef ref) || ref.getIndex() >= columnCount) {
                    return null;
                }
                final LaneColumn c = column(ref.getIndex());
                if (c == null) {
                    return null;
                }
                final String isNull = c.nullable() ? c.var() + "_n" : "LS.maskAll(false)";
                return call.getKind() == SqlKind.IS_NULL ? declare(isNull, null) : declare(isNull + ".not()", null);
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison(call, columnCount);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A comparison of two numbers in lanes ({@link #number}: columns, literals, arithmetic over
     * them): a value with a literal, or two integer values. DOUBLE values follow the scalar twin's
     * total order against a literal; two DOUBLE values are not compared in lanes (NaN on both sides).
     */
    private Masks comparison(final RexCall call, final int columnCount) {
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (literal(a) != null && literal(b) == null) {
            final RexNode t = a;
            a = b;
            b = t;
            kind = kind.reverse();
        }
        final Lanes x = number(a, columnCount);
        if (x == null) {
            return null;
        }
        final boolean isDouble = x.kind.equals("D");
        final String operand;
        String otherNulls = null;
        final RexLiteral lit = literal(b);
        if (lit != null) {
            final BigDecimal value = numericValue(lit);
            if (value == null) {
                return null; // comparing with NULL: Calcite folds it, but stay safe
            }
            if (isDouble) {
                operand = Double.toString(value.doubleValue()) + "d";
            } else {
                if (value.stripTrailingZeros().scale() > 0) {
                    return null; // an integer value against a fraction: the scalar twin's conversion rules
                }
                try {
                    operand = value.longValueExact() + "L";
                } catch (final ArithmeticException e) {
                    return null;
                }
            }
        } else {
            final Lanes y = number(b, columnCount);
            if (y == null || isDouble || y.kind.equals("D")) {
                return null; // DOUBLE pairs: NaN ordering in lanes is not worth it
            }
            operand = y.var;
            otherNulls = y.nulls;
        }
        final String op = switch (kind) {
            case EQUALS -> "EQ";
            case NOT_EQUALS -> "NE";
            case LESS_THAN -> "LT";
            case LESS_THAN_OR_EQUAL -> "LE";
            case GREATER_THAN -> "GT";
            case GREATER_THAN_OR_EQUAL -> "GE";
            default -> throw new IllegalStateException(kind.name());
        };
        String cmp = x.var + ".compare(VectorOperators." + op + ", " + operand + ")";
        if (isDouble) {
            // the scalar twin's order puts NaN above every number: NaN > x and NaN >= x hold
            if (op.equals("GT") || op.equals("GE")) {
                cmp = cmp + ".or(" + x.var + ".test(VectorOperators.IS_NAN))";
            }
            cmp = cmp + ".cast(LS)";
        }
        final String cmpVar = temp();
        code.add("final VectorMask " + cmpVar + " = " + cmp + ";");
        final String nulls = or(x.nulls, otherNulls);
        if (nulls == null) {
            return new Masks(cmpVar, null);
        }
        return declare(cmpVar + ".andNot(" + nulls + ")", cmpVar + ".not().andNot(" + nulls + ")");
    }

    /**
     * The numeric literal {@code node} is, or that it casts to a number type (Calcite leaves
     * {@code CAST(100 AS DOUBLE)} in programs): compared as its value, which the cast does not change
     * when the comparison's conversions (an integer with a whole number, a double with the literal's
     * nearest double) accept it. Null for anything else.
     */
    private static RexLiteral literal(final RexNode node) {
        if (node instanceof RexLiteral lit) {
            return lit;
        }
        if (node instanceof RexCall call && call.getKind() == SqlKind.CAST
            && call.getOperands().get(0) instanceof RexLiteral lit
            && typeOf(call.getType().getSqlTypeName()) != null && typeOf(lit.getType().getSqlTypeName()) != null) {
            return lit;
        }
        return null;
    }

    /** The union of two masks, either of which may be absent (null). */
    private static String or(final String a, final String b) {
        return a == null ? b : b == null ? a : a + ".or(" + b + ")";
    }

    /** A numeric literal's value, a TIMESTAMP literal's epoch milliseconds; null for anything else (NaN, infinities). */
    private static BigDecimal numericValue(final RexLiteral lit) {
        final org.apache.calcite.sql.type.SqlTypeName type = lit.getType().getSqlTypeName();
        if (lit.isNull()) {
            return null;
        }
        if (type == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP) {
            final Long millis = lit.getValueAs(Long.class);
            return millis == null ? null : BigDecimal.valueOf(millis);
        }
        if (org.apache.calcite.sql.type.SqlTypeName.NUMERIC_TYPES.contains(type)) {
            try {
                return lit.getValueAs(BigDecimal.class);
            } catch (final NumberFormatException e) {
                return null; // NaN or an infinity (a DOUBLE literal): not in lanes
            }
        }
        return null;
    }

    private LaneColumn column(final int index) {
        final LaneColumn known = columns.get(index);
        if (known != null) {
            return known;
        }
        final String kind = laneKind(columnType.apply(index));
        if (kind == null) {
            return null;
        }
        final LaneColumn c = new LaneColumn(index, columnVar.apply(index), kind, columnNullable.apply(index));
        columns.put(index, c);
        return c;
    }

    private Masks declare(final String trueExpr, final String falseExpr) {
        final String t = temp();
        code.add("final VectorMask " + t + " = " + trueExpr + ";");
        if (falseExpr == null) {
            return new Masks(t, null);
        }
        final String f = temp();
        code.add("final VectorMask " + f + " = " + falseExpr + ";");
        return new Masks(t, f);
    }

    private String temp() {
        return prefix + temps++;
    }
}
