package io.sluice.runtime.source;

/**
 * Number parsing straight from bytes, without allocation in the common case. Each method returns
 * {@code false} for text that is not a number of its type and stores the value in a caller's slot.
 */
final class NumberParsing {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    long longValue;
    double doubleValue;

    /** Parses a decimal integer with optional sign; false on junk or overflow. */
    boolean parseLong(final byte[] b, final int start, final int end) {
        int i = start;
        if (i == end) {
            return false;
        }
        final boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            if (++i == end) {
                return false;
            }
        }
        long v = 0; // accumulated negatively: the negative range is one larger
        for (; i < end; i++) {
            final int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                return false;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return false;
            }
            v = -v;
        }
        longValue = v;
        return true;
    }

    /**
     * Parses a decimal floating point number ({@code 12}, {@code -1.5}, {@code 2e-3}, {@code NaN},
     * {@code Infinity}). Exact (correctly rounded): digits that fit 2^53 with a power of ten up to
     * 10^22 take the fast path (Clinger); anything else goes through {@link Double#parseDouble}.
     */
    boolean parseDouble(final byte[] b, final int start, final int end) {
        int i = start;
        if (i == end) {
            return false;
        }
        final boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean seenDigit = false;
        boolean seenPoint = false;
        for (; i < end; i++) {
            final byte c = b[i];
            if (c >= '0' && c <= '9') {
                seenDigit = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                if (digits <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (seenPoint) {
                        scale--;
                    }
                } else if (!seenPoint) {
                    scale++;
                }
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            if (!seenDigit) {
                return false;
            }
            i++;
            boolean expNegative = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            if (i == end) {
                return false;
            }
            int exp = 0;
            for (; i < end; i++) {
                final int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return false;
                }
                if (exp < 100_000) {
                    exp = exp * 10 + d;
                }
            }
            scale += expNegative ? -exp : exp;
        }
        if (i != end || !seenDigit) {
            return slowPath(b, start, end);
        }
        if (digits <= 15 && scale >= -22 && scale <= 22) {
            double v = mantissa;
            v = scale < 0 ? v / POW10[-scale] : v * POW10[scale];
            doubleValue = negative ? -v : v;
            return true;
        }
        return slowPath(b, start, end);
    }

    private boolean slowPath(final byte[] b, final int start, final int end) {
        for (int i = start; i < end; i++) {
            final byte c = b[i];
            // Double.parseDouble also accepts hex floats, "d"/"f" suffixes and padding: keep to decimal text
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
                || c == 'N' || c == 'a' || c == 'I' || c == 'n' || c == 'f' || c == 'i' || c == 't' || c == 'y')) {
                return false;
            }
        }
        final String text = new String(b, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
        if (text.endsWith("f") && !text.endsWith("Infinity")) {
            return false;
        }
        try {
            doubleValue = Double.parseDouble(text);
            return true;
        } catch (final NumberFormatException e) {
            return false;
        }
    }
}
