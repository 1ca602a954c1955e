package io.sluice.compiler.golden;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Typed comparison of single cells given as text, following the corpus conventions
 * (test-corpus/README.md). {@code null} is SQL NULL; for comparison purposes NULL and the empty
 * string are equal for every type except {@link ValueType#STRING}, where {@code ""} is a value.
 *
 * <ul>
 *   <li>{@link ValueType#INTEGER}: numerically and exactly ({@code 3} equals {@code 3.0}).</li>
 *   <li>{@link ValueType#DOUBLE}: relative tolerance {@value #RELATIVE_TOLERANCE}; NaN equals
 *       NaN; infinities equal themselves; {@code 0.0} equals {@code -0.0}.</li>
 *   <li>{@link ValueType#TIMESTAMP}: after {@link #normalizeTimestamp(String)}.</li>
 *   <li>{@link ValueType#BOOLEAN}: case-insensitively.</li>
 *   <li>{@link ValueType#STRING}: exactly.</li>
 * </ul>
 */
public final class ValueComparison {

    /** Relative tolerance for DOUBLE cells. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /** The canonical timestamp text form of the corpus. */
    public static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    /** Accepts {@code yyyy-MM-dd HH:mm:ss}, optional fraction of 1 to 9 digits, or ISO {@code T}. */
    private static final DateTimeFormatter LENIENT_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private ValueComparison() {
    }

    /** True if the two cells are equal under the rules of {@code type}. */
    public static boolean equal(ValueType type, String expected, String actual) {
        return equal(type, expected, actual, false);
    }

    /**
     * {@link #equal(ValueType, String, String)}, or with {@code exactly}, DOUBLE cells without the
     * tolerance (the same value; NaN equals NaN, 0.0 equals -0.0).
     */
    public static boolean equal(ValueType type, String expected, String actual, boolean exactly) {
        boolean expectedNull = isNull(type, expected);
        boolean actualNull = isNull(type, actual);
        if (expectedNull || actualNull) {
            return expectedNull && actualNull;
        }
        return switch (type) {
            case INTEGER -> integersEqual(expected, actual);
            case DOUBLE -> doubleCellsEqual(expected, actual, exactly);
            case BOOLEAN -> expected.trim().equalsIgnoreCase(actual.trim());
            case TIMESTAMP -> normalizeTimestamp(expected).equals(normalizeTimestamp(actual));
            case STRING -> expected.equals(actual);
        };
    }

    /** True if two doubles are equal within {@link #RELATIVE_TOLERANCE} (NaN equals NaN). */
    public static boolean doublesEqual(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true; // also equal infinities and 0.0 == -0.0
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * scale;
    }

    /**
     * Normalises a timestamp to {@code yyyy-MM-dd HH:mm:ss.SSS}. Accepts the corpus input forms
     * (with or without milliseconds, a {@code T} separator, up to nanoseconds; digits beyond the
     * millisecond must be zero) and epoch milliseconds (interpreted as UTC).
     *
     * @throws IllegalArgumentException if the text is not a timestamp, or has sub-millisecond digits
     */
    public static String normalizeTimestamp(String text) {
        String t = text.trim();
        LocalDateTime value;
        if (t.matches("-?\\d+")) {
            value = LocalDateTime.ofEpochSecond(Math.floorDiv(Long.parseLong(t), 1000L),
                    (int) Math.floorMod(Long.parseLong(t), 1000L) * 1_000_000, java.time.ZoneOffset.UTC);
        } else {
            try {
                value = LocalDateTime.parse(t, LENIENT_TIMESTAMP);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a timestamp: '" + text + "'", e);
            }
        }
        if (value.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("timestamp has sub-millisecond digits: '" + text + "'");
        }
        return TIMESTAMP_FORMAT.format(value);
    }

    /** Formats a {@link LocalDateTime} in the canonical corpus form (milliseconds, truncating). */
    public static String formatTimestamp(LocalDateTime value) {
        return TIMESTAMP_FORMAT.format(value);
    }

    /**
     * A total order on cells of {@code type}, for sorting tables before showing them: NULL first,
     * then numbers numerically, timestamps chronologically, booleans false before true, strings in
     * Java {@link String#compareTo} order. Cells that do not parse as their type sort as text
     * after the ones that do.
     */
    public static Comparator<String> order(ValueType type) {
        return (a, b) -> compareCells(type, a, b);
    }

    /** Lexicographic order of whole rows, column by column with {@link #order(ValueType)}. */
    public static Comparator<List<String>> rowOrder(List<ValueType> types) {
        return (a, b) -> {
            for (int c = 0; c < types.size(); c++) {
                int cmp = compareCells(types.get(c), a.get(c), b.get(c));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        };
    }

    private static int compareCells(ValueType type, String a, String b) {
        boolean an = isNull(type, a);
        boolean bn = isNull(type, b);
        if (an || bn) {
            return Boolean.compare(!an, !bn);
        }
        Comparable<Object> ka = sortKey(type, a);
        Comparable<Object> kb = sortKey(type, b);
        if (ka != null && kb != null) {
            return ka.compareTo(kb);
        }
        if (ka != null || kb != null) {
            return ka != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortKey(ValueType type, String cell) {
        try {
            Comparable<?> key = switch (type) {
                case INTEGER -> new BigDecimal(cell.trim());
                case DOUBLE -> parseDouble(cell);
                case BOOLEAN -> Boolean.parseBoolean(cell.trim());
                case TIMESTAMP -> normalizeTimestamp(cell);
                case STRING -> cell;
            };
            return (Comparable<Object>) key;
        } catch (IllegalArgumentException e) { // includes NumberFormatException
            return null;
        }
    }

    private static boolean isNull(ValueType type, String cell) {
        return cell == null || (type != ValueType.STRING && cell.isEmpty());
    }

    private static boolean integersEqual(String expected, String actual) {
        try {
            return new BigDecimal(expected.trim()).compareTo(new BigDecimal(actual.trim())) == 0;
        } catch (NumberFormatException e) {
            return expected.equals(actual);
        }
    }

    private static boolean doubleCellsEqual(String expected, String actual, boolean exactly) {
        try {
            final double e = parseDouble(expected);
            final double a = parseDouble(actual);
            return exactly ? e == a || Double.isNaN(e) && Double.isNaN(a) : doublesEqual(e, a);
        } catch (NumberFormatException e) {
            return expected.equals(actual);
        }
    }

    private static double parseDouble(String cell) {
        String t = cell.trim();
        return switch (t) {
            case "NaN" -> Double.NaN;
            case "Infinity", "+Infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }
}
