package io.sluice.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query result in canonical form (see {@link Kind}): column kinds and rows of Long, Double and
 * String values. Compared after sorting every row by all columns; DOUBLE cells within
 * {@link #RELATIVE_TOLERANCE}.
 */
final class ResultTable {
    /** Relative tolerance for DOUBLE cells (absolute below 1). */
    static final double RELATIVE_TOLERANCE = 1e-9;

    final List<String> names;
    final List<Kind> kinds;
    final List<Object[]> rows;

    ResultTable(final List<String> names, final List<Kind> kinds, final List<Object[]> rows) {
        this.names = names;
        this.kinds = kinds;
        this.rows = rows;
    }

    int size() {
        return rows.size();
    }

    /** A row wrapper with value equality, for applying changelogs. */
    record Key(Object[] values) {
        @Override
        public boolean equals(final Object o) {
            return o instanceof Key k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /** Builds a final table from a changelog: each row added or removed (a removal must match an added row exactly). */
    static final class ChangelogBuilder {
        private final Map<Key, Integer> counts = new HashMap<>();
        private long operations;

        void apply(final Object[] row, final boolean adds) {
            operations++;
            final Key key = new Key(row);
            if (adds) {
                counts.merge(key, 1, Integer::sum);
            } else {
                final Integer n = counts.get(key);
                if (n == null) {
                    throw new IllegalStateException("changelog removes a row it never added: " + Arrays.toString(row));
                }
                if (n == 1) {
                    counts.remove(key);
                } else {
                    counts.put(key, n - 1);
                }
            }
        }

        void addAll(final ChangelogBuilder other) {
            for (final Map.Entry<Key, Integer> e : other.counts.entrySet()) {
                counts.merge(e.getKey(), e.getValue(), Integer::sum);
            }
            operations += other.operations;
        }

        long operations() {
            return operations;
        }

        ResultTable build(final List<String> names, final List<Kind> kinds) {
            final List<Object[]> rows = new ArrayList<>();
            for (final Map.Entry<Key, Integer> e : counts.entrySet()) {
                for (int i = 0; i < e.getValue(); i++) {
                    rows.add(e.getKey().values());
                }
            }
            return new ResultTable(names, kinds, rows);
        }
    }

    private Comparator<Object[]> order() {
        return (a, b) -> {
            for (int c = 0; c < kinds.size(); c++) {
                final int cmp = compareCell(a[c], b[c]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareCell(final Object a, final Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }

    ResultTable sorted() {
        final List<Object[]> copy = new ArrayList<>(rows);
        copy.sort(order());
        return new ResultTable(names, kinds, copy);
    }

    /** Empty when {@code actual} equals {@code expected} (as sorted multisets); else what differs, briefly. */
    static Optional<String> diff(final ResultTable expected, final ResultTable actual) {
        if (expected.kinds.size() != actual.kinds.size()) {
            return Optional.of("column count differs: expected " + expected.names + ", got " + actual.names);
        }
        if (expected.size() != actual.size()) {
            return Optional.of("row count differs: expected " + expected.size() + ", got " + actual.size()
                + firstDifference(expected.sorted(), actual.sorted()));
        }
        final String d = firstDifference(expected.sorted(), actual.sorted());
        return d.isEmpty() ? Optional.empty() : Optional.of(d);
    }

    private static String firstDifference(final ResultTable e, final ResultTable a) {
        final int n = Math.min(e.size(), a.size());
        for (int r = 0; r < n; r++) {
            final Object[] x = e.rows.get(r);
            final Object[] y = a.rows.get(r);
            for (int c = 0; c < e.kinds.size(); c++) {
                if (!cellEqual(e.kinds.get(c), x[c], y[c])) {
                    return "; first difference at sorted row " + (r + 1) + ", column " + e.names.get(c)
                        + ": expected " + Arrays.toString(x) + ", got " + Arrays.toString(y);
                }
            }
        }
        return "";
    }

    static boolean cellEqual(final Kind kind, final Object x, final Object y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (kind == Kind.DOUBLE) {
            final double a = (Double) x;
            final double b = (Double) y;
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.isNaN(a) && Double.isNaN(b);
            }
            return a == b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
        }
        return x.equals(y);
    }

    /**
     * Reads a result CSV with a header (RFC 4180 quoting; an empty unquoted field is NULL). With
     * {@code changelog} the first column is the op ({@code +I}, {@code -U}, {@code +U}, {@code -D})
     * and the changelog is applied.
     */
    static ResultTable readCsv(final Path file, final List<String> names, final List<Kind> kinds, final boolean changelog)
        throws IOException {
        final ChangelogBuilder log = new ChangelogBuilder();
        final List<Object[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String header = in.readLine();
            if (header == null) {
                throw new IOException(file + ": empty result file (no header)");
            }
            final int skip = changelog ? 1 : 0;
            String line;
            final List<String> fields = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                split(line, fields);
                if (fields.size() != kinds.size() + skip) {
                    throw new IOException(file + ": expected " + (kinds.size() + skip) + " fields, got " + fields.size()
                        + ": " + line);
                }
                final Object[] row = new Object[kinds.size()];
                for (int c = 0; c < kinds.size(); c++) {
                    row[c] = kinds.get(c).parse(fields.get(c + skip));
                }
                if (changelog) {
                    final String op = fields.get(0);
                    log.apply(row, op.equals("+I") || op.equals("+U"));
                } else {
                    rows.add(row);
                }
            }
        }
        return changelog ? log.build(names, kinds) : new ResultTable(names, kinds, rows);
    }

    /** Splits one CSV line (no line breaks inside fields in results); null for an empty unquoted field. */
    private static void split(final String line, final List<String> out) {
        out.clear();
        int i = 0;
        final int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                final StringBuilder b = new StringBuilder();
                i++;
                while (i < n) {
                    final char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            b.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.append(c);
                    i++;
                }
                out.add(b.toString());
            } else {
                final int start = i;
                while (i < n && line.charAt(i) != ',') {
                    i++;
                }
                out.add(i == start ? null : line.substring(start, i));
            }
            if (i < n && line.charAt(i) == ',') {
                i++;
                continue;
            }
            break;
        }
    }
}
