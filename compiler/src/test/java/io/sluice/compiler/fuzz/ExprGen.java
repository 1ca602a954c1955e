package io.sluice.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Generates well-typed SQL expressions within Sluice's supported grammar, rendered three times: for
 * Sluice; for DuckDB with Sluice's decided semantics spelled out where the engines differ (see
 * {@link DuckDb#MACROS}); and for DuckDB again with every operation that can fail replaced by one
 * that gives 0 instead ("lenient", used to tell an error Sluice skipped because Calcite simplified
 * the expression away, e.g. {@code (x / 0) IS NULL} on a NOT NULL x, from an error Sluice missed).
 *
 * <p>Where the engines differ:
 * <ul>
 *   <li>integer {@code /} truncates and {@code %} keeps the dividend's sign in both; division by
 *       zero is an error in both (DuckDB 2.0 raises it too); {@code x % -1} is 0 in Sluice and an
 *       overflow for MIN in DuckDB, so DuckDB's side returns 0 for a divisor of -1; a NULL operand
 *       gives NULL before the divisor is looked at;</li>
 *   <li>{@code AND}/{@code OR} are lazy in Sluice (a guarded division is not evaluated), so DuckDB's
 *       side uses a CASE that evaluates its right operand only when the left one does not decide;</li>
 *   <li>{@code CAST(DOUBLE AS BIGINT/INT)} truncates in Sluice (DuckDB rounds: its side truncates
 *       first); {@code CAST(VARCHAR AS number)} accepts only plain decimal text in Sluice (DuckDB also
 *       takes {@code 1e3}, {@code 0x10} or {@code 1.5} for integers: its side checks the text first);</li>
 *   <li>{@code CAST(TIMESTAMP AS VARCHAR)} is {@code yyyy-MM-dd HH:mm:ss.SSS} (DuckDB: strftime);</li>
 *   <li>decimal literals are DOUBLE in Sluice (DuckDB: DECIMAL, so its side casts them).</li>
 * </ul>
 *
 * Operations that can fail at run time (integer arithmetic, casts that can fail) have an operand
 * that is not constant, and strict operators get no NULL constant operand: Calcite simplifies such
 * expressions while planning and DuckDB's binder folds constants, each differently.
 *
 * <p>Not generated, and why: {@code CAST(DOUBLE AS VARCHAR)} (Java's {@code Double.toString} and
 * DuckDB's formatting differ by design); {@code CAST(VARCHAR AS BOOLEAN/TIMESTAMP)} (DuckDB accepts
 * more spellings); {@code %} on DOUBLE (Calcite rejects it); string functions and timestamp
 * arithmetic (not supported yet); a {@code -0.0} literal (see {@link #literal}).
 */
final class ExprGen {
    /**
     * A generated expression: its type, its Sluice text, its DuckDB text (strict and lenient),
     * whether it is constant.
     */
    record X(FuzzType type, String s, String d, String l, boolean constant) {
        /** An expression written the same way everywhere (columns, literals). */
        X(final FuzzType type, final String text, final boolean constant) {
            this(type, text, text, text, constant);
        }

        /** An expression written the same way in both DuckDB forms. */
        X(final FuzzType type, final String s, final String d, final boolean constant) {
            this(type, s, d, d, constant);
        }
    }

    /** The kinds of run-time error, as Sluice's messages name them. */
    enum Failure { OVERFLOW, DIVISION_BY_ZERO, CAST }

    /** An operation that can fail, in DuckDB's strict form. */
    record Failing(Failure kind, String duck) {
    }

    /** Every operation generated that can fail at run time. */
    final List<Failing> failing = new ArrayList<>();

    private final Choices c;
    /** The leaves: columns for row expressions, keys and aggregates after aggregation. */
    private final List<X> leaves;
    /** After aggregation: no operation that can fail (Sluice evaluates HAVING on every change). */
    private final boolean postAggregate;
    private final int maxDepth;

    ExprGen(final Choices c, final List<X> leaves, final boolean postAggregate, final int maxDepth) {
        this.c = c;
        this.leaves = leaves;
        this.postAggregate = postAggregate;
        this.maxDepth = maxDepth;
    }

    static final List<FuzzType> ALL = List.of(FuzzType.values());

    /** Builds a composite: {@code f} applied to the Sluice, DuckDB and lenient DuckDB texts. */
    private static X compose(final FuzzType t, final boolean constant, final Function<Function<X, String>, String> s,
                             final Function<Function<X, String>, String> d) {
        return new X(t, s.apply(X::s), d.apply(X::d), d.apply(X::l), constant);
    }

    /** An expression of type {@code t}. */
    X gen(final FuzzType t, final int depth) {
        if (depth >= maxDepth) {
            return leaf(t);
        }
        return switch (t) {
            case BOOLEAN -> bool(depth);
            case BIGINT, INT, DOUBLE -> number(t, depth);
            case VARCHAR -> varchar(depth);
            case TIMESTAMP -> timestamp(depth);
        };
    }

    /**
     * An operand of a strict operator: a constant only as a literal that is not NULL. Calcite
     * simplifies an operator over a NULL constant to NULL without evaluating the other operand (see
     * {@link #leaf(FuzzType, boolean)}), and DuckDB's binder does the same with any constant
     * expression that is NULL, such as NULLIF(NULL, 3) or a CASE of constants without ELSE, where
     * Sluice evaluates the other operand (an error there is then Sluice's only).
     */
    private X operand(final FuzzType t, final int depth) {
        final X x = gen(t, depth);
        return x.constant() ? literal(t, false) : x;
    }

    /** A column (or key, or aggregate) of type {@code t} when there is one, else a literal. */
    X leaf(final FuzzType t) {
        return leaf(t, true);
    }

    /**
     * A leaf that is not the NULL constant when {@code allowNull} is false: Calcite simplifies a
     * strict operator with a NULL constant operand to NULL without evaluating the other operand
     * (so an overflow there is no error in Sluice, and is one in DuckDB).
     */
    X leaf(final FuzzType t, final boolean allowNull) {
        final List<X> ofType = new ArrayList<>();
        for (final X x : leaves) {
            if (x.type() == t) {
                ofType.add(x);
            }
        }
        if (ofType.isEmpty() || c.oneIn(4)) {
            return literal(t, allowNull);
        }
        return c.from(ofType);
    }

    private X nonConstant(final FuzzType t, final int depth) {
        final X x = operand(t, depth);
        if (!x.constant()) {
            return x;
        }
        for (final X l : leaves) {
            if (l.type() == t) {
                return l;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ literals

    X literal(final FuzzType t) {
        return literal(t, true);
    }

    X literal(final FuzzType t, final boolean allowNull) {
        if (allowNull && c.oneIn(12)) {
            return new X(t, "CAST(NULL AS " + t.sluice + ")", "CAST(NULL AS " + t.duck + ")", true);
        }
        return switch (t) {
            case INT -> new X(t, c.from(List.of("0", "1", "2", "3", "-1", "7", "10", "100", "2147483647", "-2147483647")),
                true);
            case BIGINT -> {
                final String v = c.from(List.of("0", "1", "-1", "5", "3000000000", "-5000000000",
                    "9223372036854775807", "-9223372036854775807", "MIN"));
                if (v.equals("MIN")) {
                    yield new X(t, "CAST('-9223372036854775808' AS BIGINT)", true);
                }
                yield new X(t, v.length() < 4 ? "CAST(" + v + " AS BIGINT)" : v, true);
            }
            case DOUBLE -> {
                // no -0.0 literal: Sluice reads it as 0.0 (Calcite folds the minus into a BigDecimal
                // literal, which has no negative zero), so 1 / -0.0 is Infinity, not -Infinity.
                // -0.0 still comes from the data, and from -CAST(0.0 AS DOUBLE).
                final String v = c.from(List.of("0.0", "1.5", "-2.25", "0.1", "100.0", "1.0E300", "NaN", "Infinity",
                    "-Infinity", "-CAST(0.0 AS DOUBLE)", "1.0E-300"));
                yield switch (v) {
                    case "NaN", "Infinity", "-Infinity" -> new X(t, "CAST('" + v + "' AS DOUBLE)", true);
                    case "-CAST(0.0 AS DOUBLE)" -> new X(t, "(-CAST(0.0 AS DOUBLE))", true);
                    default -> new X(t, v, "CAST(" + v + " AS DOUBLE)", true);
                };
            }
            case VARCHAR -> {
                final String v = c.from(List.of("a", "", "abc", "b", "A", "é", "x y", "it's", "42", "-7", "zz",
                    "中文", "😀"));
                yield new X(t, "'" + v.replace("'", "''") + "'", true);
            }
            case BOOLEAN -> new X(t, c.from(List.of("TRUE", "FALSE")), true);
            case TIMESTAMP -> {
                final String v = c.from(List.of("2024-01-01 00:00:00", "2024-01-01 00:01:40.500", "2024-01-01 00:00:05",
                    "1970-01-01 00:00:00", "2024-02-29 12:00:00.001"));
                yield new X(t, "TIMESTAMP '" + v + "'", true);
            }
        };
    }

    // ------------------------------------------------------------------ by type

    private X number(final FuzzType t, final int depth) {
        switch (c.pick(9)) {
            case 0, 1:
                return leaf(t);
            case 2, 3: {
                final X r = arithmetic(t, depth);
                return r != null ? r : leaf(t);
            }
            case 4: {
                if (t != FuzzType.DOUBLE && postAggregate) {
                    return leaf(t);
                }
                final X a = t == FuzzType.DOUBLE ? operand(t, depth + 1) : nonConstant(t, depth + 1);
                if (a == null || a.s().startsWith("(-(")) {
                    // (Calcite simplifies -(-x) to x: no overflow for MIN, and the right value)
                    return leaf(t);
                }
                final X negated = new X(t, "(-(" + a.s() + "))", "(-(" + a.d() + "))",
                    t == FuzzType.DOUBLE ? "(-(" + a.l() + "))" : "l_neg(" + a.l() + ")", a.constant());
                if (t != FuzzType.DOUBLE) {
                    failing.add(new Failing(Failure.OVERFLOW, negated.d()));
                }
                return negated;
            }
            case 5:
                return caseWhen(t, depth);
            case 6: {
                final X r = castTo(t, depth);
                return r != null ? r : leaf(t);
            }
            case 7:
                return coalesce(t, depth);
            default:
                return nullif(t, depth);
        }
    }

    private X arithmetic(final FuzzType t, final int depth) {
        if (postAggregate && t != FuzzType.DOUBLE) {
            return null;
        }
        final FuzzType ta;
        final FuzzType tb;
        switch (t) {
            case INT -> {
                ta = FuzzType.INT;
                tb = FuzzType.INT;
            }
            case BIGINT -> {
                final int p = c.pick(3);
                ta = p == 2 ? FuzzType.INT : FuzzType.BIGINT;
                tb = p == 1 ? FuzzType.INT : FuzzType.BIGINT;
            }
            default -> {
                final int p = c.pick(4);
                ta = p == 3 ? c.from(List.of(FuzzType.INT, FuzzType.BIGINT)) : FuzzType.DOUBLE;
                tb = p == 2 ? c.from(List.of(FuzzType.INT, FuzzType.BIGINT)) : FuzzType.DOUBLE;
            }
        }
        final List<String> ops = t.integral() ? List.of("+", "-", "*", "/", "%") : List.of("+", "-", "*", "/");
        final String op = c.from(ops);
        final X a = operand(ta, depth + 1);
        X b = operand(tb, depth + 1);
        if (t.integral() && a.constant() && b.constant()) {
            b = nonConstant(tb, depth + 1);
            if (b == null) {
                return null;
            }
        }
        final X bb = b;
        final String s = "(" + a.s() + " " + op + " " + b.s() + ")";
        if (!t.integral()) {
            return compose(t, a.constant() && b.constant(), f -> s, f -> "(" + f.apply(a) + " " + op + " " + f.apply(bb) + ")");
        }
        final String strict = switch (op) {
            case "/" -> "sdiv(" + a.d() + ", " + b.d() + ")";
            case "%" -> "smod(" + a.d() + ", " + b.d() + ")";
            default -> "(" + a.d() + " " + op + " " + b.d() + ")";
        };
        final String lenient = switch (op) {
            case "+" -> "l_add(";
            case "-" -> "l_sub(";
            case "*" -> "l_mul(";
            case "/" -> "l_div(";
            default -> "l_mod(";
        } + a.l() + ", " + b.l() + ")";
        if (op.equals("/") || op.equals("%")) {
            failing.add(new Failing(Failure.DIVISION_BY_ZERO, strict));
        }
        if (!op.equals("%")) {
            failing.add(new Failing(Failure.OVERFLOW, strict)); // MIN / -1 overflows too
        }
        return new X(t, s, strict, lenient, a.constant() && b.constant());
    }

    private X castTo(final FuzzType t, final int depth) {
        final List<FuzzType> from = switch (t) {
            case BIGINT -> postAggregate ? List.of(FuzzType.INT) : List.of(FuzzType.INT, FuzzType.DOUBLE, FuzzType.VARCHAR);
            case INT -> postAggregate ? List.of() : List.of(FuzzType.BIGINT, FuzzType.DOUBLE, FuzzType.VARCHAR);
            case DOUBLE -> postAggregate ? List.of(FuzzType.INT, FuzzType.BIGINT)
                : List.of(FuzzType.INT, FuzzType.BIGINT, FuzzType.VARCHAR);
            case VARCHAR -> List.of(FuzzType.INT, FuzzType.BIGINT, FuzzType.BOOLEAN, FuzzType.TIMESTAMP);
            default -> List.of();
        };
        if (from.isEmpty()) {
            return null;
        }
        final FuzzType f = c.from(from);
        final boolean safe = t == FuzzType.VARCHAR || t == FuzzType.DOUBLE && f.integral()
            || t == FuzzType.BIGINT && f == FuzzType.INT;
        final X a = safe ? gen(f, depth + 1) : nonConstant(f, depth + 1);
        if (a == null) {
            return null;
        }
        final String s = "CAST(" + a.s() + " AS " + t.sluice + ")";
        if (safe) {
            final Function<String, String> duck = f == FuzzType.TIMESTAMP
                ? x -> "strftime(" + x + ", '%Y-%m-%d %H:%M:%S.%g')" : x -> "CAST(" + x + " AS " + t.duck + ")";
            return new X(t, s, duck.apply(a.d()), duck.apply(a.l()), a.constant());
        }
        final String fn = f == FuzzType.DOUBLE ? "d_" : f == FuzzType.VARCHAR ? "s_" : "i_";
        final String target = switch (t) {
            case BIGINT -> "bigint";
            case INT -> "int";
            default -> "double";
        };
        failing.add(new Failing(Failure.CAST, fn + target + "(" + a.d() + ")"));
        return new X(t, s, fn + target + "(" + a.d() + ")", "l" + fn + target + "(" + a.l() + ")", a.constant());
    }

    private X caseWhen(final FuzzType t, final int depth) {
        final int branches = 1 + c.pick(3);
        final boolean simple = !postAggregate && c.oneIn(4);
        final List<X> parts = new ArrayList<>();
        final List<String> words = new ArrayList<>();
        if (simple) {
            // CASE x WHEN v1 THEN ... : x compared with literals of its type
            final FuzzType kt = c.from(List.of(FuzzType.INT, FuzzType.BIGINT, FuzzType.VARCHAR));
            parts.add(leaf(kt, false));
            words.add(" ");
            for (int i = 0; i < branches; i++) {
                parts.add(literal(kt, false));
                words.add(" WHEN ");
                parts.add(gen(t, depth + 1));
                words.add(" THEN ");
            }
        } else {
            for (int i = 0; i < branches; i++) {
                parts.add(gen(FuzzType.BOOLEAN, depth + 1));
                words.add(" WHEN ");
                parts.add(gen(t, depth + 1));
                words.add(" THEN ");
            }
        }
        if (!c.oneIn(3)) {
            parts.add(gen(t, depth + 1));
            words.add(" ELSE ");
        }
        boolean constant = true;
        for (final X p : parts) {
            constant &= p.constant();
        }
        final Function<Function<X, String>, String> text = g -> {
            final StringBuilder sb = new StringBuilder("CASE");
            for (int i = 0; i < parts.size(); i++) {
                sb.append(words.get(i)).append(g.apply(parts.get(i)));
            }
            return sb.append(" END").toString();
        };
        return compose(t, constant, text, text);
    }

    private X coalesce(final FuzzType t, final int depth) {
        final X a = gen(t, depth + 1);
        final X b = gen(t, depth + 1);
        final Function<Function<X, String>, String> text = g -> "COALESCE(" + g.apply(a) + ", " + g.apply(b) + ")";
        return compose(t, a.constant() && b.constant(), text, text);
    }

    private X nullif(final FuzzType t, final int depth) {
        final X a = gen(t, depth + 1);
        final X generated = gen(t, depth + 1);
        // NULLIF(x, x) is a constant NULL to DuckDB, which then skips the other operand of a strict
        // operator over it (Sluice evaluates both: an overflow there is an error in Sluice only)
        final X b = generated.s().equals(a.s()) ? literal(t, false) : generated;
        final Function<Function<X, String>, String> text = g -> "NULLIF(" + g.apply(a) + ", " + g.apply(b) + ")";
        return compose(t, a.constant() && b.constant(), text, text);
    }

    private X varchar(final int depth) {
        return switch (c.pick(6)) {
            case 0, 1 -> leaf(FuzzType.VARCHAR);
            case 2 -> caseWhen(FuzzType.VARCHAR, depth);
            case 3 -> castTo(FuzzType.VARCHAR, depth);
            case 4 -> coalesce(FuzzType.VARCHAR, depth);
            default -> nullif(FuzzType.VARCHAR, depth);
        };
    }

    private X timestamp(final int depth) {
        return switch (c.pick(5)) {
            case 0, 1 -> leaf(FuzzType.TIMESTAMP);
            case 2 -> caseWhen(FuzzType.TIMESTAMP, depth);
            case 3 -> coalesce(FuzzType.TIMESTAMP, depth);
            default -> nullif(FuzzType.TIMESTAMP, depth);
        };
    }

    // ------------------------------------------------------------------ BOOLEAN

    private static final List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=");

    private X bool(final int depth) {
        switch (c.pick(12)) {
            case 0:
                return leaf(FuzzType.BOOLEAN);
            case 1, 2: {
                final FuzzType ta = c.from(ALL);
                final FuzzType tb = ta.numeric() ? c.from(List.of(FuzzType.BIGINT, FuzzType.INT, FuzzType.DOUBLE)) : ta;
                final X a = operand(ta, depth + 1);
                final X b = operand(tb, depth + 1);
                final String op = c.from(COMPARISONS);
                final Function<Function<X, String>, String> text = g -> "(" + g.apply(a) + " " + op + " " + g.apply(b) + ")";
                return compose(FuzzType.BOOLEAN, a.constant() && b.constant(), text, text);
            }
            case 3, 4: {
                final boolean and = c.pick(2) == 0;
                final X a = gen(FuzzType.BOOLEAN, depth + 1);
                final X b = gen(FuzzType.BOOLEAN, depth + 1);
                return compose(FuzzType.BOOLEAN, a.constant() && b.constant(),
                    g -> "(" + g.apply(a) + (and ? " AND " : " OR ") + g.apply(b) + ")",
                    g -> (and ? "sand(" : "sor(") + g.apply(a) + ", " + g.apply(b) + ")");
            }
            case 5: {
                final X a = gen(FuzzType.BOOLEAN, depth + 1);
                final Function<Function<X, String>, String> text = g -> "(NOT " + g.apply(a) + ")";
                return compose(FuzzType.BOOLEAN, a.constant(), text, text);
            }
            case 6: {
                final X a = gen(c.from(ALL), depth + 1);
                final String op = c.from(List.of(" IS NULL", " IS NOT NULL"));
                final Function<Function<X, String>, String> text = g -> "(" + g.apply(a) + op + ")";
                return compose(FuzzType.BOOLEAN, a.constant(), text, text);
            }
            case 7: {
                final X a = gen(FuzzType.BOOLEAN, depth + 1);
                final String op = c.from(List.of(" IS TRUE", " IS FALSE", " IS NOT TRUE", " IS NOT FALSE"));
                final Function<Function<X, String>, String> text = g -> "(" + g.apply(a) + op + ")";
                return compose(FuzzType.BOOLEAN, a.constant(), text, text);
            }
            case 8: {
                final FuzzType ta = c.from(List.of(FuzzType.INT, FuzzType.BIGINT, FuzzType.DOUBLE, FuzzType.VARCHAR,
                    FuzzType.TIMESTAMP));
                final X a = operand(ta, depth + 1);
                final X lo = literal(ta.numeric() ? c.from(List.of(FuzzType.INT, FuzzType.DOUBLE)) : ta, false);
                final X hi = literal(ta.numeric() ? c.from(List.of(FuzzType.INT, FuzzType.BIGINT)) : ta, false);
                final String not = c.oneIn(3) ? " NOT" : "";
                final Function<Function<X, String>, String> text =
                    g -> "(" + g.apply(a) + not + " BETWEEN " + g.apply(lo) + " AND " + g.apply(hi) + ")";
                return compose(FuzzType.BOOLEAN, a.constant(), text, text);
            }
            case 9: {
                final FuzzType ta = c.from(List.of(FuzzType.INT, FuzzType.BIGINT, FuzzType.DOUBLE, FuzzType.VARCHAR));
                final X a = operand(ta, depth + 1);
                final int n = 1 + c.pick(4);
                final List<X> list = new ArrayList<>();
                final FuzzType lt = ta == FuzzType.VARCHAR ? ta : c.from(List.of(ta, FuzzType.INT));
                for (int i = 0; i < n; i++) {
                    // NULL, but not first: an all-NULL list is NULL to Calcite, which then skips x
                    list.add(i > 0 && c.oneIn(6) ? new X(lt, "NULL", true) : literal(lt, false));
                }
                final String not = c.oneIn(3) ? " NOT" : "";
                final Function<Function<X, String>, String> text = g -> {
                    final List<String> items = new ArrayList<>();
                    for (final X x : list) {
                        items.add(g.apply(x));
                    }
                    return "(" + g.apply(a) + not + " IN (" + String.join(", ", items) + "))";
                };
                return compose(FuzzType.BOOLEAN, a.constant(), text, text);
            }
            case 10:
                return caseWhen(FuzzType.BOOLEAN, depth);
            default:
                return literal(FuzzType.BOOLEAN);
        }
    }
}
