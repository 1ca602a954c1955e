package io.sluice.runtime.time;

/**
 * TIMESTAMP(3) text conversions without allocation on the parse path: values are epoch
 * milliseconds, UTC. Accepted text: {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-dd HH:mm:ss.S..SSS},
 * {@code yyyy-MM-ddTHH:mm:ss[.SSS]}, or an integer number of epoch milliseconds.
 */
public final class Timestamps {
    /** Returned by the parse methods for text that is not a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Timestamps() {
    }

    /** Parses {@code bytes[offset, offset+length)} (ASCII), or returns {@link #INVALID}. */
    public static long parse(final byte[] bytes, final int offset, final int length) {
        if (length >= 19 && bytes[offset + 4] == '-') {
            return parseText(bytes, offset, length);
        }
        return parseEpochMillis(bytes, offset, length);
    }

    /** Parses a string the same way as {@link #parse(byte[], int, int)}. */
    public static long parse(final String text) {
        final byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            final char c = text.charAt(i);
            if (c > 127) {
                return INVALID;
            }
            b[i] = (byte) c;
        }
        return parse(b, 0, b.length);
    }

    private static long parseEpochMillis(final byte[] b, final int offset, final int length) {
        if (length == 0 || length > 19) {
            return INVALID;
        }
        int i = offset;
        final int end = offset + length;
        final boolean negative = b[i] == '-';
        if (negative && ++i == end) {
            return INVALID;
        }
        long v = 0;
        for (; i < end; i++) {
            final int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            v = v * 10 + d; // at most 18 digits after a sign, or 19 without: checked below
        }
        if (v < 0) {
            return INVALID;
        }
        return negative ? -v : v;
    }

    private static long parseText(final byte[] b, final int o, final int length) {
        final int year = digits(b, o, 4);
        final int month = digits(b, o + 5, 2);
        final int day = digits(b, o + 8, 2);
        final byte sep = b[o + 10];
        final int hour = digits(b, o + 11, 2);
        final int minute = digits(b, o + 14, 2);
        final int second = digits(b, o + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
            || (sep != ' ' && sep != 'T') || b[o + 7] != '-' || b[o + 13] != ':' || b[o + 16] != ':'
            || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        if (length > 19) {
            if (b[o + 19] != '.' || length == 20 || length > 23) {
                return INVALID;
            }
            int scale = 100;
            for (int i = o + 20; i < o + length; i++) {
                final int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                millis += d * scale;
                scale /= 10;
            }
        }
        return daysFromCivil(year, month, day) * MILLIS_PER_DAY
            + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    }

    private static int digits(final byte[] b, final int offset, final int count) {
        int v = 0;
        for (int i = offset; i < offset + count; i++) {
            final int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(final int year, final int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(final int year, final int month, final int day) {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yoe = y - era * 400;
        final int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }

    /** Appends {@code millis} as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    public static StringBuilder format(final long millis, final StringBuilder out) {
        final long days = Math.floorDiv(millis, MILLIS_PER_DAY);
        long rem = Math.floorMod(millis, MILLIS_PER_DAY);
        final long z = days + 719468;
        final long era = Math.floorDiv(z, 146097);
        final long doe = z - era * 146097;
        final long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final long day = doy - (153 * mp + 2) / 5 + 1;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        final long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        pad(out, year, 4).append('-');
        pad(out, month, 2).append('-');
        pad(out, day, 2).append(' ');
        pad(out, rem / 3_600_000L, 2).append(':');
        rem %= 3_600_000L;
        pad(out, rem / 60_000L, 2).append(':');
        rem %= 60_000L;
        pad(out, rem / 1000L, 2).append('.');
        return pad(out, rem % 1000L, 3);
    }

    /** {@code millis} as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    public static String format(final long millis) {
        return format(millis, new StringBuilder(23)).toString();
    }

    private static StringBuilder pad(final StringBuilder out, final long value, final int width) {
        if (value < 0) {
            out.append('-');
            return pad(out, -value, width);
        }
        final String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s);
    }
}
