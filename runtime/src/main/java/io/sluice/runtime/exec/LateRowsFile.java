package io.sluice.runtime.exec;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.error.DataException;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.time.Timestamps;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dead-letter file of the side-output late policy: {@code file,line,reason,<the row's columns>}
 * per late row, CSV. Created on the first late row. Partitions share it: writes are synchronized.
 */
public final class LateRowsFile implements LateRowSink, AutoCloseable {
    private final Path path;
    private BufferedWriter out;
    private long count;

    public LateRowsFile(final Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized void late(final ColumnBatch batch, final int row, final String reason) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                final StringBuilder header = new StringBuilder("file,line,reason");
                for (int c = 0; c < batch.schema().size(); c++) {
                    header.append(',').append(quote(batch.schema().column(c).name()));
                }
                out.write(header.append('\n').toString());
            }
            final StringBuilder line = new StringBuilder();
            line.append(quote(batch.sourceName(row))).append(',').append(batch.line(row)).append(',').append(quote(reason));
            for (int c = 0; c < batch.schema().size(); c++) {
                line.append(',');
                final ColumnVector v = batch.column(c);
                if (v.isNull(row)) {
                    continue;
                }
                switch (v.type()) {
                    case BOOLEAN -> line.append(v.getBoolean(row));
                    case INT -> line.append(v.getInt(row));
                    case BIGINT -> line.append(v.getLong(row));
                    case DOUBLE -> line.append(v.getDouble(row));
                    case TIMESTAMP -> Timestamps.format(v.getLong(row), line);
                    case VARCHAR -> line.append(quote(v.getString(row)));
                }
            }
            out.write(line.append('\n').toString());
            count++;
        } catch (final IOException e) {
            throw new DataException(path.toString(), "cannot write late rows: " + e.getMessage());
        }
    }

    private static String quote(final String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (final IOException e) {
                throw new DataException(path.toString(), "cannot write late rows: " + e.getMessage());
            }
        }
    }
}
