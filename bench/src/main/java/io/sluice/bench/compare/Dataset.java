package io.sluice.bench.compare;

import io.sluice.runtime.time.Timestamps;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One generated table held as Java arrays, one per column (long[] for BIGINT and TIMESTAMP in
 * epoch milliseconds, double[], String[]): the in-memory form the Calcite, hand-written and
 * Sluice (via ColumnBatches) runs start from. Loaded once from the generated CSV (not timed).
 */
final class Dataset {
    final String table;
    final Path csv;
    final List<String> names;
    final List<Kind> kinds;
    final Object[] columns;
    final int rows;

    private Dataset(final String table, final Path csv, final List<String> names, final List<Kind> kinds,
                    final Object[] columns, final int rows) {
        this.table = table;
        this.csv = csv;
        this.names = names;
        this.kinds = kinds;
        this.columns = columns;
        this.rows = rows;
    }

    int index(final String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + table + " has no column " + name + " (it has " + names + ")");
    }

    long[] longs(final String name) {
        return (long[]) columns[index(name)];
    }

    double[] doubles(final String name) {
        return (double[]) columns[index(name)];
    }

    String[] strings(final String name) {
        return (String[]) columns[index(name)];
    }

    /** The read_csv column list DuckDB is given, e.g. {@code {'group_id': 'BIGINT', ...}}. */
    String duckDbColumns() {
        final StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append("': '")
                .append(kinds.get(i).duckDbType()).append('\'');
        }
        return b.append('}').toString();
    }

    /** An empty data set with the columns of {@code w} (for column lists). */
    static Dataset shapeOf(final Workloads w) {
        return new Dataset(w.table, null, w.names, w.kinds, new Object[w.names.size()], 0);
    }

    /**
     * Reads {@code csv} (header row, no quoting, as {@code sluice gen} writes it) with the columns
     * {@code names} of kinds {@code kinds}, in the file's column order.
     */
    static Dataset load(final String table, final Path csv, final List<String> names, final List<Kind> kinds)
        throws IOException {
        // mapped, not read into one array: a file of 100M rows is larger than an array can be
        try (FileChannel channel = FileChannel.open(csv, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            final MemorySegment m = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            final long size = m.byteSize();
            long lines = 0;
            for (long q = 0; q < size; q++) {
                if (m.get(ValueLayout.JAVA_BYTE, q) == '\n') {
                    lines++;
                }
            }
            if (lines - 1 > Integer.MAX_VALUE - 8) {
                throw new IOException(csv + ": more rows than one array holds");
            }
            final int rows = (int) lines - 1; // header
            final int n = names.size();
            final Object[] cols = new Object[n];
            for (int c = 0; c < n; c++) {
                cols[c] = switch (kinds.get(c)) {
                    case LONG, TIMESTAMP -> new long[rows];
                    case DOUBLE -> new double[rows];
                    case STRING -> new String[rows];
                };
            }
            final byte[] field = new byte[4096];
            long p = 0;
            int h = 0;
            while (m.get(ValueLayout.JAVA_BYTE, p) != '\n') {
                field[h++] = m.get(ValueLayout.JAVA_BYTE, p++);
            }
            final String header = new String(field, 0, h, StandardCharsets.US_ASCII).strip();
            if (!header.equalsIgnoreCase(String.join(",", names))) {
                throw new IOException(csv + ": header '" + header + "', expected '" + String.join(",", names) + "'");
            }
            p++;
            final Map<String, String> strings = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < n; c++) {
                    int len = 0;
                    byte x;
                    while ((x = m.get(ValueLayout.JAVA_BYTE, p)) != ',' && x != '\n') {
                        field[len++] = x;
                        p++;
                    }
                    switch (kinds.get(c)) {
                        case LONG -> ((long[]) cols[c])[r] = parseLong(field, 0, len);
                        case DOUBLE -> ((double[]) cols[c])[r] = parseDouble(field, 0, len);
                        case TIMESTAMP -> {
                            final long t = Timestamps.parse(field, 0, len);
                            if (t == Timestamps.INVALID) {
                                throw new IOException(csv + ": row " + (r + 2) + ": bad timestamp");
                            }
                            ((long[]) cols[c])[r] = t;
                        }
                        case STRING -> {
                            final String text = new String(field, 0, len, StandardCharsets.US_ASCII);
                            // share equal strings of low-cardinality columns (symbols); keeps memory down
                            ((String[]) cols[c])[r] = strings.size() < 1_000_000 ? strings.computeIfAbsent(text, k -> k) : text;
                        }
                    }
                    p++; // separator
                }
            }
            return new Dataset(table.toLowerCase(Locale.ROOT), csv, List.copyOf(names), List.copyOf(kinds), cols, rows);
        }
    }

    private static long parseLong(final byte[] b, final int off, final int len) {
        long v = 0;
        int i = off;
        final boolean neg = b[i] == '-';
        if (neg) {
            i++;
        }
        for (; i < off + len; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return neg ? -v : v;
    }

    /** Decimals as generated ({@code 123.45}): exact to the nearest double, like Double.parseDouble. */
    private static double parseDouble(final byte[] b, final int off, final int len) {
        long mantissa = 0;
        int scale = 0;
        boolean dot = false;
        int i = off;
        final boolean neg = b[i] == '-';
        if (neg) {
            i++;
        }
        for (; i < off + len; i++) {
            final byte x = b[i];
            if (x == '.') {
                dot = true;
            } else if (x >= '0' && x <= '9' && mantissa < (1L << 52)) {
                mantissa = mantissa * 10 + (x - '0');
                if (dot) {
                    scale++;
                }
            } else {
                return Double.parseDouble(new String(b, off, len, StandardCharsets.US_ASCII));
            }
        }
        // mantissa < 2^53 and a power of ten <= 10^22 are exact doubles: one correctly rounded division
        final double v = scale == 0 ? mantissa : mantissa / POW10[scale];
        return neg ? -v : v;
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
}
