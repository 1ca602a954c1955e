package io.sluice.runtime.expr;

import io.sluice.runtime.time.Timestamps;

/**
 * Static functions generated kernels call for SQL semantics Java operators do not give: checked
 * integer arithmetic, SQL's ordering of DOUBLE, casts that can fail. {@code expr} arguments are the
 * expression's SQL text, for the message. All small enough to inline.
 *
 * <p>Decisions: BIGINT/INT overflow is an error; integer division by zero is an error, integer
 * division truncates toward zero; DOUBLE arithmetic is IEEE 754 (x / 0.0 is Infinity or NaN);
 * DOUBLE comparison treats NaN as equal to itself and greater than every other value, and
 * -0.0 as equal to 0.0 (as PostgreSQL and DuckDB do).
 */
public final class SqlFunctions {
    private SqlFunctions() {
    }

    public static long add(final long a, final long b, final String expr) {
        final long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw overflow("BIGINT", expr);
        }
        return r;
    }

    /**
     * Whether adding, one by one in any order, {@code count} values in {@code [lo, hi]} to {@code acc}
     * can never leave the BIGINT range: then a batch's sum may be taken in lanes and added at once,
     * with the result the row-by-row checked sum would give. Conservative (a margin of 2^62), so a
     * false answer only means "sum row by row, checking each step".
     */
    public static boolean sumCannotOverflow(final long acc, final long count, final long lo, final long hi) {
        final double largest = Math.max(Math.abs((double) lo), Math.abs((double) hi));
        return Math.abs((double) acc) + (double) count * largest < 0x1p62;
    }

    public static long subtract(final long a, final long b, final String expr) {
        final long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw overflow("BIGINT", expr);
        }
        return r;
    }

    public static long multiply(final long a, final long b, final String expr) {
        final long hi = Math.multiplyHigh(a, b);
        final long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        throw overflow("BIGINT", expr);
    }

    public static long divide(final long a, final long b, final String expr) {
        if (b == 0) {
            throw new ExpressionException("division by zero in " + expr);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw overflow("BIGINT", expr);
        }
        return a / b;
    }

    public static long mod(final long a, final long b, final String expr) {
        if (b == 0) {
            throw new ExpressionException("division by zero in " + expr);
        }
        return b == -1 ? 0 : a % b;
    }

    public static long negate(final long a, final String expr) {
        if (a == Long.MIN_VALUE) {
            throw overflow("BIGINT", expr);
        }
        return -a;
    }

    public static int add(final int a, final int b, final String expr) {
        return toInt((long) a + b, expr);
    }

    public static int subtract(final int a, final int b, final String expr) {
        return toInt((long) a - b, expr);
    }

    public static int multiply(final int a, final int b, final String expr) {
        return toInt((long) a * b, expr);
    }

    public static int divide(final int a, final int b, final String expr) {
        if (b == 0) {
            throw new ExpressionException("division by zero in " + expr);
        }
        return toInt((long) a / b, expr);
    }

    public static int mod(final int a, final int b, final String expr) {
        if (b == 0) {
            throw new ExpressionException("division by zero in " + expr);
        }
        return b == -1 ? 0 : a % b;
    }

    public static int negate(final int a, final String expr) {
        return toInt(-(long) a, expr);
    }

    private static int toInt(final long v, final String expr) {
        if (v != (int) v) {
            throw overflow("INT", expr);
        }
        return (int) v;
    }

    private static ExpressionException overflow(final String type, final String expr) {
        return new ExpressionException(type + " overflow in " + expr);
    }

    /** SQL order of DOUBLE: NaN equal to itself and greatest; -0.0 equal to 0.0. */
    public static int compare(final double a, final double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0; // includes -0.0 == 0.0
        }
        final boolean aNaN = Double.isNaN(a);
        final boolean bNaN = Double.isNaN(b);
        return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
    }

    public static int compare(final String a, final String b) {
        return a.compareTo(b);
    }

    /** Canonical bits of a DOUBLE group key: -0.0 groups with 0.0, all NaNs together. */
    public static long keyBits(final double v) {
        return v == 0.0 ? 0L : Double.doubleToLongBits(v);
    }

    // ------------------------------------------------------------------ casts

    public static long castToBigint(final double v, final String expr) {
        if (Double.isNaN(v) || v >= 0x1p63 || v < -0x1p63) {
            throw new ExpressionException("cannot cast " + v + " to BIGINT in " + expr);
        }
        return (long) v;
    }

    public static int castToInt(final double v, final String expr) {
        if (Double.isNaN(v) || v >= 0x1p31 || v < -0x1p31) {
            throw new ExpressionException("cannot cast " + v + " to INT in " + expr);
        }
        return (int) v;
    }

    public static int castToInt(final long v, final String expr) {
        if (v != (int) v) {
            throw new ExpressionException("cannot cast " + v + " to INT in " + expr);
        }
        return (int) v;
    }

    // Text to numbers takes what the CSV decoder takes: ASCII digits (Java's parsers also take other
    // scripts' digits, '١٢' is 12) and decimal DOUBLE text (Double.parseDouble also takes hex, 0x1p3).

    public static long parseBigint(final String s, final String expr) {
        final String t = s.strip();
        if (asciiInteger(t)) {
            try {
                return Long.parseLong(t);
            } catch (final NumberFormatException e) {
                // out of range: the error below
            }
        }
        throw new ExpressionException("cannot cast '" + MessageText.value(s) + "' to BIGINT in " + expr);
    }

    public static int parseInt(final String s, final String expr) {
        final String t = s.strip();
        if (asciiInteger(t)) {
            try {
                return Integer.parseInt(t);
            } catch (final NumberFormatException e) {
                // out of range: the error below
            }
        }
        throw new ExpressionException("cannot cast '" + MessageText.value(s) + "' to INT in " + expr);
    }

    public static double parseDouble(final String s, final String expr) {
        final String t = s.strip();
        if (decimalText(t)) {
            try {
                return Double.parseDouble(t);
            } catch (final NumberFormatException e) {
                // the error below
            }
        }
        throw new ExpressionException("cannot cast '" + MessageText.value(s) + "' to DOUBLE in " + expr);
    }

    /** An optional sign, then ASCII digits. */
    private static boolean asciiInteger(final String t) {
        final int start = !t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        if (start == t.length()) {
            return false;
        }
        for (int i = start; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Only characters of decimal numbers (ASCII digits, sign, point, exponent), or NaN or Infinity. */
    private static boolean decimalText(final String t) {
        final String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (unsigned.equals("NaN") || unsigned.equals("Infinity")) {
            return true;
        }
        for (int i = 0; i < t.length(); i++) {
            final char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return !t.isEmpty();
    }

    public static boolean parseBoolean(final String s, final String expr) {
        final String t = s.strip();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ExpressionException("cannot cast '" + MessageText.value(s) + "' to BOOLEAN in " + expr);
    }

    public static long parseTimestamp(final String s, final String expr) {
        final long v = Timestamps.parse(s.strip());
        if (v == Timestamps.INVALID) {
            throw new ExpressionException("cannot cast '" + MessageText.value(s) + "' to TIMESTAMP(3) in " + expr);
        }
        return v;
    }

    public static String toVarchar(final long v) {
        return Long.toString(v);
    }

    public static String toVarchar(final double v) {
        return Double.toString(v);
    }

    public static String toVarchar(final boolean v) {
        return v ? "true" : "false";
    }

    public static String timestampToVarchar(final long millis) {
        return Timestamps.format(millis);
    }

    // ------------------------------------------------------------------ hashing

    /**
     * Mixes a key word into a hash (a 64-bit finaliser; cheap, good avalanche). The SIMD twins compute
     * the same function in lanes (simd.ftl, {@code hashes}): change both together.
     */
    public static long hash(final long h, final long word) {
        long x = h ^ (word * 0x9E3779B97F4A7C15L);
        x ^= x >>> 32;
        x *= 0xD6E8FEB86659FD93L;
        x ^= x >>> 32;
        return x;
    }

    /** Start of a hash over a key's words. */
    public static final long HASH_SEED = 0x243F6A8885A308D3L;

    // ------------------------------------------------------------------ windows

    /** Start of the tumbling window of {@code size} ms containing {@code ts}. */
    public static long tumbleStart(final long ts, final long size) {
        return ts - Math.floorMod(ts, size);
    }
}
