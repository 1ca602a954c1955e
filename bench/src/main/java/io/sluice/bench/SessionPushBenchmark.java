package io.sluice.bench;

import io.sluice.compiler.Sluice;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.api.QuerySession;
import io.sluice.runtime.api.RecordWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The embedding API's hot path: Java records pushed through a generated row writer into a session
 * running a 1-minute tumbling window per symbol. Run with {@code -prof gc}: gc.alloc.rate.norm is
 * the bytes allocated per record (≈ 0 in steady state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OperationsPerInvocation(SessionPushBenchmark.RECORDS)
public class SessionPushBenchmark {
    static final int RECORDS = 65_536;

    /** A trade as an application would hold it. */
    public record Trade(String symbol, double price, long qty, long ts) {
    }

    private Trade[] trades;
    private RecordWriter<Trade> writer;
    private CompiledQuery query;
    private QuerySession session;
    private long time;

    @Setup(Level.Trial)
    public void compile() throws Exception {
        query = Sluice.compile("""
            CREATE TABLE trades (symbol VARCHAR, price DOUBLE, qty BIGINT, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);
            SELECT symbol, window_start, COUNT(*) AS n, SUM(qty) AS volume, MAX(price) AS high
            FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
            GROUP BY symbol, window_start, window_end""");
        writer = Sluice.rowWriter(Trade.class, query);
        final String[] symbols = {"AAPL", "MSFT", "GOOG", "AMZN", "META", "NVDA", "TSLA", "ORCL"};
        trades = new Trade[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            trades[i] = new Trade(symbols[i & 7], 100 + (i % 50), i % 100, i);
        }
    }

    @Setup(Level.Iteration)
    public void open(final Blackhole bh) {
        session = query.open(row -> bh.consume(row.getLong(2)));
        time = 1_704_067_200_000L;
    }

    @TearDown(Level.Iteration)
    public void close() {
        session.close();
    }

    /** Pushes the records with event times moving on, so windows keep firing and being freed. */
    @Benchmark
    public void push() {
        final int qty = session.column("qty");
        final int ts = session.column("ts");
        for (final Trade t : trades) {
            writer.write(t, session);
            session.setTimestamp(ts, time++).setLong(qty, t.qty());
            session.commit();
        }
    }
}
