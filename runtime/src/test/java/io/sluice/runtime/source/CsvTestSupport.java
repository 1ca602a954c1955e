package io.sluice.runtime.source;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.type.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a whole {@link CsvSource} into plain Java values, batch by batch, keeping what each batch said. */
final class CsvTestSupport {
    private CsvTestSupport() {
    }

    /** One skipped row as handed to {@link RejectedRows}. */
    record Rejected(String file, long line, int column, String reason, String row) {
    }

    /** Collects rejected rows in order. */
    static final class RejectList implements RejectedRows {
        final List<Rejected> rows = new ArrayList<>();

        @Override
        public void reject(final String file, final long line, final int column, final String reason, final String row) {
            rows.add(new Rejected(file, line, column, reason, row));
        }
    }

    /** Everything the batches carried. Values: Long (BIGINT, TIMESTAMP), Integer, Double, Boolean, String, or null. */
    static final class Read {
        final List<List<Object>> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<Long> watermarksBefore = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final List<Long> watermarksAfter = new ArrayList<>();
    }

    static Read readAll(final CsvSource source, final Schema schema, final StringDictionary dictionary, final int capacity) {
        final Read read = new Read();
        try (ColumnBatch batch = new ColumnBatch(schema, capacity, dictionary)) {
            while (source.next(batch)) {
                read.batchSizes.add(batch.rowCount());
                read.watermarksAfter.add(batch.watermarkAfter());
                for (int r = 0; r < batch.rowCount(); r++) {
                    final List<Object> row = new ArrayList<>();
                    for (int c = 0; c < schema.size(); c++) {
                        row.add(value(batch.column(c), r));
                    }
                    read.rows.add(row);
                    read.lines.add(batch.line(r));
                    read.watermarksBefore.add(batch.watermarkBefore(r));
                }
            }
            // exhausted: further calls keep saying so
            if (source.next(batch)) {
                throw new AssertionError("next() returned true after the input was exhausted");
            }
        }
        return read;
    }

    static Object value(final ColumnVector v, final int row) {
        if (v.isNull(row)) {
            return null;
        }
        return switch (v.type()) {
            case BIGINT, TIMESTAMP -> v.getLong(row);
            case INT -> v.getInt(row);
            case DOUBLE -> v.getDouble(row);
            case BOOLEAN -> v.getBoolean(row);
            case VARCHAR -> v.getString(row);
        };
    }

    static List<Object> row(final Object... values) {
        return Arrays.asList(values);
    }
}
