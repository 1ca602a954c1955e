package io.sluice.compiler.fuzz;


import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An independent reading of an input file as the README's "CSV in" section describes it, to say
 * what Sluice must do with a (mutated) file: the rows it must produce, or that it must fail. The
 * records are split as RFC 4180 says ({@link #records}; the bytes read as ISO-8859-1 so that
 * invalid UTF-8 reaches the fields unchanged), the values follow the rules written here: an empty
 * unquoted field is NULL, {@code ""} the empty string; numbers, booleans and timestamps may be
 * padded with spaces; integers are ASCII digits; DOUBLE is decimal text, NaN or Infinity; BOOLEAN
 * is true or false in any case; TIMESTAMP is {@code yyyy-MM-dd HH:mm:ss[.S to .SSS]} (or
 * {@code T}), or epoch milliseconds; strings must be valid UTF-8.
 */
final class ReferenceCsv {
    /** A column of the table: name, type, NOT NULL or not. */
    record Column(String name, FuzzType type, boolean nullable) {
    }

    /** The file cannot be read at all (Sluice stops whatever the bad-row policy). */
    static final class FileError extends Exception {
        FileError(final String message) {
            super(message);
        }
    }

    /** One data record: its cells in the table's column order (text in the output conventions), or why it is malformed. */
    record Row(List<String> cells, String problem) {
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DOUBLE = Pattern.compile("[+-]?(NaN|Infinity|([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?)");
    private static final Pattern EPOCH = Pattern.compile("-?[0-9]{1,19}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);

    private ReferenceCsv() {
    }

    /** The data records of {@code bytes} read as a table of {@code columns}. */
    static List<Row> read(final byte[] bytes, final List<Column> columns) throws FileError {
        final List<Record> records = records(new String(bytes, StandardCharsets.ISO_8859_1));
        if (records.isEmpty()) {
            throw new FileError("no header");
        }
        if (records.getFirst().problem() != null) {
            throw new FileError("header: " + records.getFirst().problem());
        }
        final List<String> header = records.getFirst().fields();
        final int[] columnOfField = new int[header.size()];
        final boolean[] seen = new boolean[columns.size()];
        for (int f = 0; f < header.size(); f++) {
            final String name = header.get(f) == null ? "" : lenientUtf8(header.get(f)).strip();
            columnOfField[f] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equalsIgnoreCase(name)) {
                    if (seen[c]) {
                        throw new FileError("column " + name + " twice in the header");
                    }
                    seen[c] = true;
                    columnOfField[f] = c;
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (!seen[c]) {
                throw new FileError("header lacks " + columns.get(c).name());
            }
        }
        final List<Row> rows = new ArrayList<>();
        for (final Record record : records.subList(1, records.size())) {
            rows.add(record.problem() != null ? new Row(null, record.problem())
                : row(record.fields(), header.size(), columnOfField, columns));
        }
        return rows;
    }

    private static Row row(final List<String> record, final int width, final int[] columnOfField,
                           final List<Column> columns) {
        if (record.size() != width) {
            return new Row(null, "fields: " + record.size() + " for " + width);
        }
        final List<String> cells = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            cells.add(null);
        }
        for (int f = 0; f < width; f++) {
            final int c = columnOfField[f];
            if (c < 0) {
                continue;
            }
            final Column column = columns.get(c);
            final String field = record.get(f);
            if (field == null) {
                if (!column.nullable()) {
                    return new Row(null, "NULL in NOT NULL " + column.name());
                }
                continue;
            }
            final String value = value(column.type(), field);
            if (value == null) {
                return new Row(null, "not a " + column.type() + ": " + field);
            }
            cells.set(c, value);
        }
        return new Row(cells, null);
    }

    /** A record as split: its fields, or why its quoting is malformed (its fields then mean nothing). */
    record Record(List<String> fields, String problem) {
    }

    /**
     * RFC 4180 records: fields split at commas, records at LF, CR or CRLF, blank lines skipped
     * (except after a one-field header: there a blank line is a record of one null field); a field
     * that starts with a quote runs to the closing quote ({@code ""} inside is a quote) and must be
     * followed by a comma, a line end or the end; an empty unquoted field is null. Malformed
     * quoting, as the README's "CSV in" says: text after a closing quote makes the record malformed
     * and belongs to that field (the record goes on to its usual end); a quote that is never closed
     * makes the record malformed and ends it with the opening quote's line. (Commons CSV would do
     * for well-formed files, but on this test class path it needs a newer commons-io than the one
     * Calcite brings.)
     */
    static List<Record> records(final String text) {
        final List<Record> records = new ArrayList<>();
        int i = 0;
        final int n = text.length();
        while (i < n) {
            final char first = text.charAt(i);
            if (first == '\n' || first == '\r') {
                if (!records.isEmpty() && records.getFirst().fields().size() == 1) {
                    final List<String> nullRow = new ArrayList<>();
                    nullRow.add(null);
                    records.add(new Record(nullRow, null));
                }
                i = afterLineEnd(text, i);
                continue;
            }
            final List<String> fields = new ArrayList<>();
            String problem = null;
            while (true) {
                if (i < n && text.charAt(i) == '"') {
                    final int open = i;
                    final StringBuilder sb = new StringBuilder();
                    boolean closed = false;
                    i++;
                    while (i < n) {
                        final char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                sb.append('"');
                                i++;
                                continue;
                            }
                            closed = true;
                            break;
                        }
                        sb.append(c);
                    }
                    if (!closed) {
                        if (problem == null) {
                            problem = "a quote never closed";
                        }
                        i = open + 1;
                        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                            i++;
                        }
                        i = afterLineEnd(text, i);
                        break;
                    }
                    if (i < n && !endsField(text.charAt(i))) {
                        if (problem == null) {
                            problem = "character after a closing quote";
                        }
                        while (i < n && !endsField(text.charAt(i))) {
                            i++;
                        }
                    }
                    fields.add(sb.toString());
                } else {
                    final int start = i;
                    while (i < n && !endsField(text.charAt(i))) {
                        i++;
                    }
                    fields.add(i == start ? null : text.substring(start, i));
                }
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                i = afterLineEnd(text, i);
                break;
            }
            records.add(new Record(fields, problem));
        }
        return records;
    }

    private static boolean endsField(final char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    /** Past the line end (LF, CR or CRLF) at {@code i}, if there is one. */
    private static int afterLineEnd(final String text, final int i) {
        if (i < text.length() && text.charAt(i) == '\r') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        }
        return i < text.length() ? i + 1 : i;
    }

    /** The field (ISO-8859-1 characters, one per byte) as a value in the output conventions, or null if malformed. */
    private static String value(final FuzzType type, final String field) {
        if (type == FuzzType.VARCHAR) {
            return strictUtf8(field);
        }
        String t = field;
        int s = 0;
        int e = t.length();
        while (s < e && t.charAt(s) == ' ') {
            s++;
        }
        while (e > s && t.charAt(e - 1) == ' ') {
            e--;
        }
        t = t.substring(s, e);
        return switch (type) {
            case BIGINT -> integer(t, Long.MIN_VALUE, Long.MAX_VALUE);
            case INT -> integer(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case DOUBLE -> DOUBLE.matcher(t).matches() ? Double.toString(Double.parseDouble(t)) : null;
            case BOOLEAN -> t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false") ? t.toLowerCase(Locale.ROOT) : null;
            case TIMESTAMP -> timestamp(t);
            case VARCHAR -> throw new IllegalStateException();
        };
    }

    private static String integer(final String t, final long min, final long max) {
        if (!INTEGER.matcher(t).matches()) {
            return null;
        }
        final java.math.BigInteger v = new java.math.BigInteger(t.startsWith("+") ? t.substring(1) : t);
        if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0 || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            return null;
        }
        return v.toString();
    }

    private static String timestamp(final String t) {
        if (t.length() >= 19 && t.charAt(4) == '-') {
            if (t.charAt(10) != ' ' && t.charAt(10) != 'T') {
                return null;
            }
            final String head = t.substring(0, 10) + " " + t.substring(11, 19);
            final LocalDateTime seconds;
            try {
                seconds = LocalDateTime.parse(head, SECONDS);
            } catch (final DateTimeParseException ex) {
                return null;
            }
            if (head.charAt(0) == '+' || head.charAt(0) == '-') {
                return null;
            }
            final String rest = t.substring(19);
            if (rest.isEmpty()) {
                return format(seconds);
            }
            if (!rest.matches("\\.[0-9]{1,3}")) {
                return null;
            }
            final String millis = (rest.substring(1) + "00").substring(0, 3);
            return format(seconds.plusNanos(Integer.parseInt(millis) * 1_000_000L));
        }
        if (!EPOCH.matcher(t).matches() || t.length() > 19) {
            return null;
        }
        final long ms;
        try {
            ms = Long.parseLong(t);
        } catch (final NumberFormatException ex) {
            return null;
        }
        return format(LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000L), (int) Math.floorMod(ms, 1000L) * 1_000_000,
            java.time.ZoneOffset.UTC));
    }

    /** yyyy-MM-dd HH:mm:ss.SSS, the year with at least 4 digits and its sign (epoch milliseconds reach far). */
    private static String format(final LocalDateTime t) {
        final int year = t.getYear();
        final String digits = String.format(Locale.ROOT, "%04d", Math.abs(year));
        return (year < 0 ? "-" : "") + digits + "-" + TIME.format(t);
    }

    private static String strictUtf8(final String latin1) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (final CharacterCodingException e) {
            return null;
        }
    }

    private static String lenientUtf8(final String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
