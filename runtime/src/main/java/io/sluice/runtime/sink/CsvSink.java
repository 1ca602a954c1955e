package io.sluice.runtime.sink;

import io.sluice.runtime.error.DataException;
import io.sluice.runtime.time.Timestamps;
import io.sluice.runtime.type.Schema;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes result rows as RFC 4180 CSV with a header: NULL as an empty field, the empty string as
 * {@code ""}, TIMESTAMP as {@code yyyy-MM-dd HH:mm:ss.SSS}, DOUBLE as {@link Double#toString}.
 * A changelog sink writes the row kind first, in an {@code op} column. A one-column NULL row is
 * thus a blank line, which {@code CsvSource} reads back as NULL in a one-column file.
 */
public final class CsvSink implements ResultSink {
    private final Writer out;
    private final String name;
    private final boolean changelog;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    /**
     * @param out       where to write (closed by {@link #close()})
     * @param name      the output's name for messages
     * @param schema    the result columns (written as the header)
     * @param changelog whether to write the {@code op} column
     */
    public CsvSink(final Writer out, final String name, final Schema schema, final boolean changelog) {
        this(out, name, schema, changelog, true);
    }

    /** @param header whether to write the header row (a partition's share of an output does not) */
    public CsvSink(final Writer out, final String name, final Schema schema, final boolean changelog,
                   final boolean header) {
        this.out = out;
        this.name = name;
        this.changelog = changelog;
        if (!header) {
            return;
        }
        if (changelog) {
            line.append("op");
        }
        for (int i = 0; i < schema.size(); i++) {
            if (changelog || i > 0) {
                line.append(',');
            }
            appendText(schema.column(i).name());
        }
        writeLine();
    }

    /** Rows written (not counting the header). */
    public long rows() {
        return rows;
    }

    @Override
    public void accept(final ResultRow row) {
        if (changelog) {
            line.append(row.kind().shortName());
        }
        for (int i = 0; i < row.size(); i++) {
            if (changelog || i > 0) {
                line.append(',');
            }
            if (row.isNull(i)) {
                continue;
            }
            switch (row.type(i)) {
                case BOOLEAN -> line.append(row.getBoolean(i));
                case INT, BIGINT -> line.append(row.getLong(i));
                case DOUBLE -> line.append(row.getDouble(i));
                case TIMESTAMP -> Timestamps.format(row.getLong(i), line);
                case VARCHAR -> appendText(row.getString(i));
                default -> throw new IllegalStateException("unhandled type " + row.type(i));
            }
        }
        rows++;
        writeLine();
    }

    private void appendText(final String s) {
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length() && !quote; i++) {
            final char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(s);
            return;
        }
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private void writeLine() {
        line.append('\n');
        try {
            out.append(line);
        } catch (final IOException e) {
            throw new DataException(name, "cannot write output: " + e.getMessage());
        }
        line.setLength(0);
    }

    @Override
    public void close() {
        try {
            out.flush();
            out.close();
        } catch (final IOException e) {
            throw new DataException(name, "cannot write output: " + e.getMessage());
        }
    }
}
