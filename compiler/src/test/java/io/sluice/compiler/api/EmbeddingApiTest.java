package io.sluice.compiler.api;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.Sluice;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.api.QuerySession;
import io.sluice.runtime.api.RecordWriter;
import io.sluice.runtime.sink.ResultRow;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedding API: compile once, push rows (cursor, records, POJOs), receive results, close fires windows. */
class EmbeddingApiTest {
    private static final String WINDOWED = """
        CREATE TABLE trades (symbol VARCHAR, price DOUBLE, qty BIGINT, ts TIMESTAMP(3),
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
        SELECT symbol, window_start, COUNT(*) AS n, SUM(qty) AS volume, MAX(price) AS high
        FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        GROUP BY symbol, window_start, window_end""";

    public record Trade(String symbol, double price, long qty, Instant ts) {
    }

    /** A POJO with getters; qty boxed, so it may be NULL. */
    public static final class TradeBean {
        private final String symbol;
        private final Long qty;
        private final long ts;

        public TradeBean(final String symbol, final Long qty, final long ts) {
            this.symbol = symbol;
            this.qty = qty;
            this.ts = ts;
        }

        public String getSymbol() {
            return symbol;
        }

        public Long getQty() {
            return qty;
        }

        public double getPrice() {
            return 1.5;
        }

        public long getTs() {
            return ts;
        }
    }

    private static final long T0 = Instant.parse("2024-01-01T10:00:00Z").toEpochMilli();

    @Test
    void recordsPushedThroughAGeneratedWriterGiveWindowsWhenTheWatermarkPassesAndOnClose() throws CompileException {
        final CompiledQuery query = Sluice.compile(WINDOWED);
        final RecordWriter<Trade> writer = Sluice.rowWriter(Trade.class, query);
        final List<String> results = new ArrayList<>();
        try (QuerySession session = query.open(row -> results.add(row.getString("symbol") + " "
            + row.getLong("n") + " " + row.getLong("volume") + " " + row.getDouble("high")), 2, 1 << 20)) {
            session.push(new Trade("AAPL", 10.0, 5, Instant.ofEpochMilli(T0 + 1_000)), writer);
            session.push(new Trade("AAPL", 12.0, 7, Instant.ofEpochMilli(T0 + 30_000)), writer);
            session.push(new Trade("MSFT", 20.0, 1, Instant.ofEpochMilli(T0 + 61_500)), writer);
            session.flush();
            assertThat(results).containsExactly("AAPL 2 12 12.0"); // W = 10:01:00.500 passed 10:01
            session.push(new Trade("MSFT", 21.0, 2, Instant.ofEpochMilli(T0 + 20_000)), writer); // late
            session.flush();
            assertThat(session.lateRows()).isEqualTo(1);
        }
        assertThat(results).containsExactly("AAPL 2 12 12.0", "MSFT 1 1 20.0");
    }

    @Test
    void theRowCursorAndExplicitWatermarks() throws CompileException {
        final CompiledQuery query = Sluice.compile(WINDOWED);
        final List<io.sluice.runtime.sink.RowView> results = new ArrayList<>();
        try (QuerySession s = query.open(row -> results.add(row.copy()))) {
            final int symbol = s.column("symbol");
            final int price = s.column("price");
            final int qty = s.column("qty");
            final int ts = s.column("ts");
            s.setString(symbol, "IBM").setDouble(price, 3.0).setLong(qty, 4).setTimestamp(ts, T0).commit();
            s.setString(symbol, "IBM").setNull(price).setLong(qty, 6).setTimestamp(ts, T0 + 2).commit();
            s.advanceWatermark(T0 + 60_000);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).getLong("n")).isEqualTo(2);
            assertThat(results.get(0).getLong(3)).isEqualTo(10);
            assertThat(results.get(0).getDouble("HIGH")).isEqualTo(3.0);
            assertThat(results.get(0).op()).isEqualTo("+I");
            assertThatThrownBy(() -> s.setLong(qty, 1).commit()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'ts' was not set");
        }
    }

    @Test
    void pojosWithGettersAndBoxedNullsAndAChangelog() throws CompileException {
        final CompiledQuery query = Sluice.compile("""
            CREATE TABLE t (symbol VARCHAR, qty BIGINT, price DOUBLE, ts TIMESTAMP(3));
            SELECT symbol, COUNT(qty) AS c FROM t GROUP BY symbol""");
        final RecordWriter<TradeBean> writer = Sluice.rowWriter(TradeBean.class, query);
        final List<String> changes = new ArrayList<>();
        try (QuerySession s = query.open(row -> changes.add(row.op() + " " + row.getString(0) + " " + row.getLong(1)), 1,
            1 << 20)) {
            s.push(new TradeBean("A", 1L, T0), writer);
            s.push(new TradeBean("A", null, T0), writer);
            s.push(new TradeBean("A", 3L, T0), writer);
        }
        assertThat(changes).containsExactly("+I A 1", "-U A 1", "+U A 2");
    }

    @Test
    void wholeColumnBatchesCanBePushed() throws CompileException {
        final CompiledQuery query = Sluice.compile(WINDOWED);
        final List<String> results = new ArrayList<>();
        try (QuerySession s = query.open(row -> results.add(row.getString("symbol") + " " + row.getLong("n")))) {
            try (io.sluice.runtime.batch.ColumnBatch batch = new io.sluice.runtime.batch.ColumnBatch(s.inputSchema(), 8,
                s.dictionary())) {
                for (int i = 0; i < 3; i++) {
                    final int row = batch.addRow(i + 1, io.sluice.runtime.batch.ColumnBatch.NO_WATERMARK);
                    batch.column(0).setInt(row, s.dictionary().intern("XYZ"));
                    batch.column(1).setDouble(row, 1.0 + i);
                    batch.column(2).setLong(row, i);
                    batch.column(3).setLong(row, T0 + i * 1000);
                }
                s.push(batch);
            }
            assertThat(results).isEmpty();
        }
        assertThat(results).containsExactly("XYZ 3");
    }

    public record WrongType(String symbol, String price, long qty, long ts) {
    }

    public record Missing(String symbol, double price, long ts) {
    }

    @Test
    void recordClassesThatDoNotFitTheSchemaAreCompileErrorsNamingFieldAndColumn() throws CompileException {
        final CompiledQuery query = Sluice.compile(WINDOWED);
        assertThatThrownBy(() -> Sluice.rowWriter(WrongType.class, query)).isInstanceOf(CompileException.class)
            .hasMessageContaining("field 'price'").hasMessageContaining("column 'price' DOUBLE");
        assertThatThrownBy(() -> Sluice.rowWriter(Missing.class, query)).isInstanceOf(CompileException.class)
            .hasMessageContaining("no field for column 'qty'");
    }

    @Test
    void compileErrorsAreCheckedAndPositioned() {
        assertThatThrownBy(() -> Sluice.compile("CREATE TABLE t (a BIGINT);\nSELECT b FROM t"))
            .isInstanceOf(CompileException.class)
            .satisfies(e -> {
                final CompileException c = (CompileException) e;
                assertThat(c.line()).isEqualTo(2);
                assertThat(c.column()).isEqualTo(8);
                assertThat(c.reason()).contains("'b'");
            });
    }

    @Test
    void pushingRecordsAllocatesNothingPerRecordInSteadyState() throws CompileException {
        final CompiledQuery query = Sluice.compile("""
            CREATE TABLE t (symbol VARCHAR, price DOUBLE, qty BIGINT, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
            SELECT symbol, window_start, COUNT(*) AS n, SUM(qty) AS volume
            FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
            GROUP BY symbol, window_start, window_end""");
        final RecordWriter<Trade> writer = Sluice.rowWriter(Trade.class, query);
        final String[] symbols = {"A", "B", "C", "D", "E", "F", "G", "H"};
        final Trade[] trades = new Trade[4096];
        for (int i = 0; i < trades.length; i++) {
            trades[i] = new Trade(symbols[i % symbols.length], i, i, Instant.ofEpochMilli(T0 + i));
        }
        final long[] sink = new long[1];
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (QuerySession s = query.open(row -> sink[0] += row.getLong(2))) {
            for (int round = 0; round < 50; round++) { // warm up: tables grow, code compiles
                for (final Trade t : trades) {
                    s.push(t, writer);
                }
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            final int batches = 200;
            for (int round = 0; round < batches; round++) {
                for (final Trade t : trades) {
                    s.push(t, writer);
                }
            }
            final long perBatch = (threads.getCurrentThreadAllocatedBytes() - before) / batches;
            // a bound per 4096-row batch, not per record: at most a few small objects
            assertThat(perBatch).as("bytes allocated per batch of 4096 records").isLessThan(1024);
        }
    }
}
