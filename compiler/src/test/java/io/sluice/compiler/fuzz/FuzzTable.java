package io.sluice.compiler.fuzz;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated table: its columns, an optional WATERMARK column, and rows of typed values, with the
 * CSV text Sluice reads and the DuckDB statements that load the same values.
 *
 * <p>Values are {@code Long} (BIGINT, and TIMESTAMP as epoch milliseconds), {@code Integer},
 * {@code Double}, {@code String}, {@code Boolean}, or {@code null}. Each cell is made from one
 * random {@code long} seed: its low 4 bits choose the kind of value (0 is the simplest: zero, the
 * empty-ish string, false), bits 4-7 the text form written to the CSV, the rest the value.
 */
final class FuzzTable {
    /** 2024-01-01 00:00:00 UTC. */
    static final long BASE_TIME = 1_704_067_200_000L;

    record Column(String name, FuzzType type, boolean nullable) {
        String sluiceRef() {
            return "`" + name.replace("`", "``") + "`";
        }

        String duckRef() {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }
    }

    final String name;
    final List<Column> columns;
    /** Index of the WATERMARK column, or -1. */
    final int watermarkColumn;
    final long delayMillis;
    final List<Object[]> rows = new ArrayList<>();
    private final List<String[]> text = new ArrayList<>();
    /** Order in which the CSV header lists the columns (it may differ from the declaration). */
    private final List<Integer> headerOrder;
    /** Whether the CSV has an extra column the table does not declare (it must be ignored). */
    private final boolean extraColumn;

    FuzzTable(final String name, final List<Column> columns, final int watermarkColumn, final long delayMillis,
              final List<Integer> headerOrder, final boolean extraColumn) {
        this.name = name;
        this.columns = columns;
        this.watermarkColumn = watermarkColumn;
        this.delayMillis = delayMillis;
        this.headerOrder = headerOrder;
        this.extraColumn = extraColumn;
    }

    // ------------------------------------------------------------------ data

    static final List<String> STRINGS = List.of(
        "a", "b", "A", "abc", "", " ", "x y", "a,b", "say \"hi\"", "it's", "line\nbreak", "cr\rlf\r\n",
        "é", "ß", "Ωmega", "中文", "😀", "z😀", "naïve", "Ж", "42", "-7", "007", "+5", " 12 ", "0",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "2147483648", "1.5", "-0.0",
        "NaN", "Infinity", "-Infinity", "1e3", ".5", "0x10", "0x1p3", "١٢", "true", "FALSE", "null", "NULL", "\\N",
        "tab\there", "~", "zz");

    /** Adds one row made from {@code seeds} (one seed per column; missing seeds are 0). */
    void addRow(final List<Long> seeds, final boolean extreme, final long timeStep) {
        final int index = rows.size();
        final Object[] values = new Object[columns.size()];
        final String[] cells = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            final long s = c < seeds.size() ? seeds.get(c) : 0L;
            final Column col = columns.get(c);
            final int kind = (int) (s & 15);
            final int form = (int) ((s >>> 4) & 15);
            final long v = s >>> 8;
            if (c == watermarkColumn) {
                values[c] = eventTime(index, kind, v, timeStep);
            } else if (col.nullable() && (kind == 1 || kind == 2) && (columns.size() > 1 || extraColumn)) {
                // (a row of one empty field is a blank line, which CSV readers skip: no NULL then)
                values[c] = null;
            } else {
                values[c] = value(col.type(), kind, v, extreme);
            }
            cells[c] = csvText(col.type(), values[c], form);
        }
        rows.add(values);
        text.add(cells);
    }

    private long eventTime(final int index, final int kind, final long v, final long step) {
        final long base = BASE_TIME + index * step;
        return switch (kind) {
            case 11, 12 -> base - v % (2 * delayMillis + 1); // behind the max, maybe within the delay
            case 13 -> base - v % 300_000; // often late
            case 14 -> base + v % 10_000; // ahead
            default -> base + (step > 1 ? v % step : 0);
        };
    }

    private static Object value(final FuzzType type, final int kind, final long v, final boolean extreme) {
        final boolean wild = extreme && kind >= 11;
        return switch (type) {
            case BIGINT -> {
                if (!wild) {
                    yield kind >= 9 ? v % 2_000_001 - 1_000_000 : v % 21 - 10;
                }
                yield switch (kind) {
                    case 11 -> Long.MAX_VALUE;
                    case 12 -> Long.MIN_VALUE;
                    case 13 -> ((v & 1) == 0 ? 1 : -1) * ((1L << 62) + v % 100);
                    case 14 -> v * 0x9E3779B97F4A7C15L;
                    default -> (v & 1) == 0 ? Long.MAX_VALUE - v % 3 : Long.MIN_VALUE + v % 3;
                };
            }
            case INT -> {
                if (!wild) {
                    yield (int) (kind >= 9 ? v % 200_001 - 100_000 : v % 21 - 10);
                }
                yield switch (kind) {
                    case 11 -> Integer.MAX_VALUE;
                    case 12 -> Integer.MIN_VALUE;
                    case 13 -> (int) (((v & 1) == 0 ? 1 : -1) * ((1L << 30) + v % 100));
                    case 14 -> (int) (v * 0x9E3779B9L);
                    default -> (v & 1) == 0 ? Integer.MAX_VALUE - (int) (v % 3) : Integer.MIN_VALUE + (int) (v % 3);
                };
            }
            case DOUBLE -> {
                if (kind == 11) {
                    yield Double.NaN;
                }
                if (kind == 12) {
                    yield (v & 1) == 0 ? -0.0 : 0.0;
                }
                if (!wild) {
                    yield kind >= 9 ? (v % 2_000_001 - 1_000_000) / 1024.0 : (v % 401 - 200) / 8.0;
                }
                yield switch (kind) {
                    case 13 -> (v & 1) == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    case 14 -> List.of(1e308, -1e308, Double.MIN_VALUE, -Double.MAX_VALUE, 0.1, 1e-300, 1e17 + 1,
                        -2.5e-5, 9.007199254740993E15).get((int) (v % 9));
                    default -> {
                        final double d = Double.longBitsToDouble(v * 0x9E3779B97F4A7C15L);
                        yield Double.isNaN(d) ? 1.0 / 3 : d;
                    }
                };
            }
            case VARCHAR -> kind == 0 ? "a" : kind >= 9 && kind <= 10 ? randomAscii(v) : STRINGS.get((int) (v % STRINGS.size()));
            case BOOLEAN -> (v & 1) == 1;
            case TIMESTAMP -> {
                if (!wild) {
                    yield BASE_TIME + (v % 200) * 1000 + (kind >= 9 ? v % 1000 : 0);
                }
                yield switch (kind) {
                    case 11 -> 0L;
                    case 12 -> -1L;
                    case 13 -> List.of(-2_208_988_800_000L, -30_610_224_000_000L, 253_402_300_799_999L,
                        1_709_208_000_000L, 951_782_400_000L).get((int) (v % 5));
                    default -> -30_000_000_000_000L + v % 283_000_000_000_000L;
                };
            }
        };
    }

    private static String randomAscii(final long v) {
        final StringBuilder sb = new StringBuilder();
        long x = v;
        final int n = (int) (x % 6);
        for (int i = 0; i < n; i++) {
            x = x / 7 + 31 * i;
            sb.append((char) ('a' + x % 5));
        }
        return sb.toString();
    }

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private static String csvText(final FuzzType type, final Object value, final int form) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case BIGINT, INT -> form == 15 ? " " + value + " " : value.toString();
            case DOUBLE -> {
                final double d = (Double) value;
                if ((form == 13 || form == 14) && Double.isFinite(d) && d != 0 && Math.abs(d) < 1e20
                    && Math.abs(d) > 1e-20) {
                    yield new BigDecimal(d).toPlainString();
                }
                yield form == 15 ? " " + d + " " : Double.toString(d);
            }
            case BOOLEAN -> {
                final String b = value.toString();
                yield switch (form % 3) {
                    case 1 -> b.toUpperCase(Locale.ROOT);
                    case 2 -> Character.toUpperCase(b.charAt(0)) + b.substring(1);
                    default -> b;
                };
            }
            case TIMESTAMP -> {
                final long ms = (Long) value;
                final LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
                if (form >= 13 || t.getYear() < 1000 || t.getYear() > 9999) {
                    yield Long.toString(ms);
                }
                String s = TEXT.format(t);
                if (form == 10 || form == 11) {
                    s = s.replaceAll("0+$", "").replaceAll("\\.$", ""); // 1 to 3 fraction digits, or none
                } else if (form == 12) {
                    s = s.replace(' ', 'T');
                }
                yield s;
            }
            case VARCHAR -> (String) value;
        };
    }

    // ------------------------------------------------------------------ rendering

    /** {@code CREATE TABLE ...} for Sluice, reading {@code path}. */
    String sluiceDdl(final String path, final boolean notNullWatermark) {
        final StringBuilder sb = new StringBuilder("CREATE TABLE `").append(name).append("` (\n");
        for (int c = 0; c < columns.size(); c++) {
            final Column col = columns.get(c);
            sb.append("  ").append(col.sluiceRef()).append(' ').append(col.type().sluice);
            if (!col.nullable() || (c == watermarkColumn && notNullWatermark)) {
                sb.append(" NOT NULL");
            }
            sb.append(c + 1 < columns.size() || watermarkColumn >= 0 ? ",\n" : "\n");
        }
        if (watermarkColumn >= 0) {
            final String ts = columns.get(watermarkColumn).sluiceRef();
            sb.append("  WATERMARK FOR ").append(ts).append(" AS ").append(ts);
            if (delayMillis > 0) {
                sb.append(" - INTERVAL '").append(delayMillis / 1000).append("' SECOND");
            }
            sb.append('\n');
        }
        return sb.append(") WITH ('format' = 'csv', 'path' = '").append(path).append("')").toString();
    }

    /** The line of in.csv each row starts on (filled by {@link #csv()}). */
    final List<Integer> rowLines = new ArrayList<>();

    /** Line breaks in text as a CSV reader counts them: LF, CR LF and a lone CR each end a line. */
    private static int lineBreaks(final String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            final char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }

    /** The input file: a header (maybe reordered, maybe with an extra column), then the rows. */
    String csv() {
        rowLines.clear();
        int line = 2;
        final StringBuilder sb = new StringBuilder();
        final List<String> header = new ArrayList<>();
        for (final int c : headerOrder) {
            header.add(quote(columns.get(c).name(), false));
        }
        if (extraColumn) {
            header.add("zz_ignored");
        }
        sb.append(String.join(",", header)).append('\n');
        int r = 0;
        for (final String[] cells : text) {
            final List<String> fields = new ArrayList<>();
            for (final int c : headerOrder) {
                final String cell = cells[c];
                fields.add(cell == null ? "" : columns.get(c).type() == FuzzType.VARCHAR ? quote(cell, (r + c) % 5 == 0) : cell);
            }
            if (extraColumn) {
                fields.add(r % 2 == 0 ? "\"junk, \"\"really\"\"\"" : "");
            }
            final String record = String.join(",", fields);
            rowLines.add(line);
            line += lineBreaks(record) + 1;
            sb.append(record).append(r % 3 == 2 ? "\r\n" : "\n");
            r++;
        }
        return sb.toString();
    }

    private static String quote(final String s, final boolean always) {
        if (always || s.isEmpty() || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** DuckDB statements creating table {@code t} with a row number {@code __rn} and the same values. */
    List<String> duckLoad() {
        final List<String> statements = new ArrayList<>();
        statements.add("DROP TABLE IF EXISTS t");
        final StringBuilder create = new StringBuilder("CREATE TABLE t (__rn BIGINT");
        for (final Column col : columns) {
            create.append(", ").append(col.duckRef()).append(' ').append(col.type().duck);
        }
        statements.add(create.append(')').toString());
        if (!rows.isEmpty()) {
            final StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                insert.append(r == 0 ? "(" : ",\n  (").append(r);
                for (int c = 0; c < columns.size(); c++) {
                    insert.append(", ").append(duckLiteral(columns.get(c).type(), rows.get(r)[c]));
                }
                insert.append(')');
            }
            statements.add(insert.toString());
        }
        return statements;
    }

    static String duckLiteral(final FuzzType type, final Object v) {
        if (v == null) {
            return "NULL";
        }
        return switch (type) {
            case BIGINT, INT -> v.toString();
            case DOUBLE -> "CAST('" + v + "' AS DOUBLE)";
            case VARCHAR -> "'" + ((String) v).replace("'", "''") + "'";
            case BOOLEAN -> v.toString();
            case TIMESTAMP -> "epoch_ms(CAST(" + v + " AS BIGINT))";
        };
    }
}
