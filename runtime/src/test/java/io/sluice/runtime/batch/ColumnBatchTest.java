package io.sluice.runtime.batch;

import io.sluice.runtime.type.Column;
import io.sluice.runtime.type.Schema;
import io.sluice.runtime.type.SqlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnBatchTest {
    private static final Schema ALL = Schema.of(
        new Column("b", SqlType.BOOLEAN, true),
        new Column("i", SqlType.INT, true),
        new Column("l", SqlType.BIGINT, true),
        new Column("d", SqlType.DOUBLE, true),
        new Column("s", SqlType.VARCHAR, true),
        new Column("t", SqlType.TIMESTAMP, false));

    private final StringDictionary dictionary = new StringDictionary();

    @Test
    void everyTypeReadsBackWhatWasSetInEveryRow() {
        final int n = 200;
        try (ColumnBatch batch = new ColumnBatch(ALL, n, dictionary)) {
            for (int r = 0; r < n; r++) {
                assertThat(batch.addRow(1000 + r, -r)).isEqualTo(r);
                batch.column(0).setBoolean(r, r % 3 == 0);
                batch.column(1).setInt(r, r * -1_000_003);
                batch.column(2).setLong(r, r * 1_000_000_000_007L);
                batch.column(3).setDouble(r, r / 7.0);
                batch.column(4).setInt(r, dictionary.intern("v" + r));
                batch.column(5).setLong(r, Long.MIN_VALUE + r);
            }
            assertThat(batch.rowCount()).isEqualTo(n);
            assertThat(batch.isFull()).isTrue();
            for (int r = 0; r < n; r++) {
                assertThat(batch.column(0).getBoolean(r)).isEqualTo(r % 3 == 0);
                assertThat(batch.column(1).getInt(r)).isEqualTo(r * -1_000_003);
                assertThat(batch.column(2).getLong(r)).isEqualTo(r * 1_000_000_000_007L);
                assertThat(batch.column(3).getDouble(r)).isEqualTo(r / 7.0);
                assertThat(batch.column(4).getString(r)).isEqualTo("v" + r);
                assertThat(batch.column(5).getLong(r)).isEqualTo(Long.MIN_VALUE + r);
                assertThat(batch.line(r)).isEqualTo(1000 + r);
                assertThat(batch.watermarkBefore(r)).isEqualTo(-r);
                for (int c = 0; c < ALL.size(); c++) {
                    assertThat(batch.column(c).isNull(r)).isFalse();
                }
            }
        }
    }

    @Test
    void columnsDescribeTheirSchema() {
        try (ColumnBatch batch = new ColumnBatch(ALL, 10, dictionary)) {
            assertThat(batch.schema()).isEqualTo(ALL);
            assertThat(batch.capacity()).isEqualTo(10);
            assertThat(batch.column(3).type()).isEqualTo(SqlType.DOUBLE);
            assertThat(batch.column(3).nullable()).isTrue();
            assertThat(batch.column(5).nullable()).isFalse();
            assertThat(batch.column(5).isNull(3)).isFalse();
            assertThat(batch.column(4).dictionary()).isSameAs(dictionary);
            assertThat(batch.column(2).capacity()).isEqualTo(10);
            assertThat(batch.column(2).data().addressOffset() % ColumnVector.ALIGNMENT).isZero();
            assertThat(batch.watermarkAfter()).isEqualTo(ColumnBatch.NO_WATERMARK);
        }
    }

    @Test
    void nullBitsAreSetPerRowAndColumn() {
        try (ColumnBatch batch = new ColumnBatch(ALL, 20, dictionary)) {
            for (int r = 0; r < 20; r++) {
                batch.addRow(r, 0);
            }
            batch.column(1).setNull(0);
            batch.column(1).setNull(7);
            batch.column(1).setNull(8);
            batch.column(2).setNull(19);
            for (int r = 0; r < 20; r++) {
                assertThat(batch.column(1).isNull(r)).as("i row %d", r).isEqualTo(r == 0 || r == 7 || r == 8);
                assertThat(batch.column(2).isNull(r)).as("l row %d", r).isEqualTo(r == 19);
                assertThat(batch.column(0).isNull(r)).isFalse();
            }
        }
    }

    @Test
    void resetClearsNullBitsAndRows() {
        try (ColumnBatch batch = new ColumnBatch(ALL, 20, dictionary)) {
            for (int r = 0; r < 20; r++) {
                batch.addRow(r, 0);
                batch.column(3).setNull(r);
                batch.column(4).setNull(r);
            }
            batch.reset();
            assertThat(batch.rowCount()).isZero();
            assertThat(batch.isFull()).isFalse();
            for (int r = 0; r < 20; r++) {
                assertThat(batch.addRow(r, 0)).isEqualTo(r);
                assertThat(batch.column(3).isNull(r)).as("row %d", r).isFalse();
                assertThat(batch.column(4).isNull(r)).as("row %d", r).isFalse();
            }
        }
    }

    @Test
    void removeLastRowClearsThatRowsNullBitsOnly() {
        try (ColumnBatch batch = new ColumnBatch(ALL, 16, dictionary)) {
            for (int r = 0; r < 10; r++) {
                batch.addRow(r, 0);
                batch.column(1).setNull(r);
            }
            batch.column(3).setNull(9);
            batch.removeLastRow();
            assertThat(batch.rowCount()).isEqualTo(9);
            assertThat(batch.addRow(99, 0)).isEqualTo(9);
            assertThat(batch.column(1).isNull(9)).isFalse();
            assertThat(batch.column(3).isNull(9)).isFalse();
            assertThat(batch.line(9)).isEqualTo(99);
            for (int r = 0; r < 9; r++) {
                assertThat(batch.column(1).isNull(r)).as("row %d keeps its NULL", r).isTrue();
            }
        }
    }

    @Test
    void addingToAFullBatchIsAnIllegalStateException() {
        try (ColumnBatch batch = new ColumnBatch(ALL, 3, dictionary)) {
            batch.addRow(1, 0);
            batch.addRow(2, 0);
            batch.addRow(3, 0);
            assertThat(batch.isFull()).isTrue();
            assertThatThrownBy(() -> batch.addRow(4, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("capacity 3");
            assertThat(batch.rowCount()).isEqualTo(3);
        }
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ColumnBatch(ALL, 0, dictionary)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingTwiceIsSafe() {
        final ColumnBatch batch = new ColumnBatch(ALL, 8, dictionary);
        batch.close();
        batch.close();
    }

    @Test
    void sourceNameAndWatermarkAfterAreKept() {
        try (ColumnBatch batch = new ColumnBatch(ALL, 8, dictionary)) {
            batch.sourceNames("trades.csv");
            batch.watermarkAfter(1234);
            assertThat(batch.sourceName()).isEqualTo("trades.csv");
            assertThat(batch.watermarkAfter()).isEqualTo(1234);
        }
    }

    @Test
    void rowsOfSeveralFilesKeepTheirFileAndLine() {
        try (ColumnBatch batch = new ColumnBatch(ALL, 8, dictionary)) {
            batch.sourceNames("a.csv", "b.csv");
            batch.addRow(0, 7, 100);
            batch.addRow(1, (1L << 40) + 3, 200);
            assertThat(batch.sourceName(0)).isEqualTo("a.csv");
            assertThat(batch.line(0)).isEqualTo(7);
            assertThat(batch.sourceName(1)).isEqualTo("b.csv");
            assertThat(batch.line(1)).isEqualTo((1L << 40) + 3);
            assertThat(batch.watermarkBefore(1)).isEqualTo(200);
        }
    }

    @Test
    void copyRowsFromGathersValuesNullsLinesAndWatermarks() {
        try (ColumnBatch source = new ColumnBatch(ALL, 8, dictionary);
             ColumnBatch target = new ColumnBatch(ALL, 8, dictionary)) {
            source.sourceNames("a.csv", "b.csv");
            for (int i = 0; i < 5; i++) {
                final int row = source.addRow(i % 2, 10 + i, 1000 + i);
                for (int c = 0; c < ALL.size(); c++) {
                    final io.sluice.runtime.batch.ColumnVector v = source.column(c);
                    if (v.nullable() && i == 3) {
                        v.setNull(row);
                        continue;
                    }
                    switch (v.type()) {
                        case BIGINT, TIMESTAMP -> v.setLong(row, i * 11L);
                        case INT -> v.setInt(row, i * 3);
                        case DOUBLE -> v.setDouble(row, i + 0.5);
                        case BOOLEAN -> v.setBoolean(row, i % 2 == 0);
                        case VARCHAR -> v.setInt(row, dictionary.intern("s" + i));
                    }
                }
            }
            source.watermarkAfter(4242);
            target.copyRowsFrom(source, new int[] {4, 1, 3}, 3);
            assertThat(target.rowCount()).isEqualTo(3);
            assertThat(target.watermarkAfter()).isEqualTo(4242);
            final int[] from = {4, 1, 3};
            for (int k = 0; k < 3; k++) {
                assertThat(target.line(k)).isEqualTo(source.line(from[k]));
                assertThat(target.sourceName(k)).isEqualTo(source.sourceName(from[k]));
                assertThat(target.watermarkBefore(k)).isEqualTo(source.watermarkBefore(from[k]));
                for (int c = 0; c < ALL.size(); c++) {
                    final io.sluice.runtime.batch.ColumnVector s = source.column(c);
                    final io.sluice.runtime.batch.ColumnVector t = target.column(c);
                    assertThat(t.isNull(k)).isEqualTo(s.isNull(from[k]));
                    if (!s.isNull(from[k])) {
                        switch (s.type()) {
                            case BIGINT, TIMESTAMP -> assertThat(t.getLong(k)).isEqualTo(s.getLong(from[k]));
                            case INT, VARCHAR -> assertThat(t.getInt(k)).isEqualTo(s.getInt(from[k]));
                            case DOUBLE -> assertThat(t.getDouble(k)).isEqualTo(s.getDouble(from[k]));
                            case BOOLEAN -> assertThat(t.getBoolean(k)).isEqualTo(s.getBoolean(from[k]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void offHeapBufferIsZeroedAlignedAndAtLeastOneCacheLine() {
        try (OffHeapBuffer b = OffHeapBuffer.allocate(3)) {
            assertThat(b.capacity()).isEqualTo(OffHeapBuffer.ALIGNMENT);
            assertThat(b.segment().address() % OffHeapBuffer.ALIGNMENT).isZero();
            for (int i = 0; i < b.capacity(); i++) {
                assertThat(b.buffer().getByte(i)).isZero();
            }
        }
        assertThatThrownBy(() -> OffHeapBuffer.allocate(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}
