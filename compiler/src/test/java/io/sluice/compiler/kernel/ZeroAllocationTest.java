package io.sluice.compiler.kernel;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.Sluice;
import io.sluice.runtime.api.CompiledQuery;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.type.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards "steady state allocates nothing per record" (DESIGN.md, performance rules) for every
 * kernel shape, for both twins of the generated loop (SIMD and scalar, {@link KernelContext#simd()}).
 *
 * <p>Each case compiles one query, makes a kernel directly from its factory and drives it the way a
 * partition worker does: {@link Kernel#process} then {@link Kernel#advanceWatermark} with the
 * batch's watermark, batch after batch. The input is {@value #BATCHES} off-heap batches of
 * {@value #ROWS} rows, filled once with deterministic data (VARCHAR codes interned before anything
 * is measured); only their event times and per-row watermarks move: on each lap through the
 * batches, every timestamp and watermark is shifted forward in place by {@value #SHIFT_MILLIS}
 * ms, a multiple of every window size and slide used here, so the stream goes on forever and is
 * exactly periodic. The data keep every path of the kernels busy in steady state: windows fire
 * (event time moves ~1.2 ms per row: about five 1-second windows end per batch), their state is
 * freed and reused; sessions open, close (the 64 symbols come in two sets of 32 taking turns every
 * 2048 rows, so every key goes quiet for longer than the session gap) and merge (a key with two
 * sessions, already emitted under EMIT CHANGES, gets a row that bridges them, once a batch); rows
 * arrive out of order within the watermark delay, and about 4 per batch are late (2.5 s behind:
 * within the allowed lateness, and 10 s behind: beyond it); prices, quantities and accounts (a
 * group key) are sometimes NULL.
 *
 * <p>After {@value #WARMUP_BATCHES} warm-up batches (state has reached its high-water mark, the JIT
 * has compiled the loop), the bytes the test thread allocates inside {@code process} and
 * {@code advanceWatermark} are summed ({@code ThreadMXBean.getCurrentThreadAllocatedBytes()} read
 * just around those two calls, so preparing a batch is not counted) over {@value #MEASURED_BATCHES}
 * batches.
 *
 * <p><b>The bound: on average at most {@value #MAX_BYTES_PER_BATCH} bytes per batch of
 * {@value #ROWS} rows</b> — a bound per batch, not per record, averaged over many batches, so that
 * a one-off allocation (a deoptimisation reallocating a scalar-replaced object, a late JIT
 * compilation) cannot make it flaky, while a steady-state allocation of even one small object
 * (16 bytes, the least an object takes) breaks it when it happens per row (64 KiB per batch), per
 * emitted row (every case emits 64 rows or more per batch, but for the GROUP BY without key,
 * which emits a -U/+U pair), or per fired window or closed session (about 5 windows of each
 * TUMBLE, HOP or CUMULATE query end per batch here, and 64 sessions close). What it lets through
 * is a few small objects per batch: "nothing per record" is the rule (DESIGN.md). The kernels
 * allocate nothing at all in steady state today (0 bytes per batch). A measuring round that
 * exceeds the bound is repeated (at most {@value #ROUNDS} rounds in all): transient JIT activity
 * passes, a real allocation shows in every round. The test also checks that state memory stops
 * growing, and that the measured batches really emitted rows and met late rows. Timings are never
 * asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZeroAllocationTest {
    static final int ROWS = 4096;
    static final int BATCHES = 4;
    /** Event time covered by one lap of the {@value #BATCHES} batches, and how far each lap shifts it. */
    static final long SHIFT_MILLIS = 20_000;
    static final int WARMUP_BATCHES = 3_000;
    static final int MEASURED_BATCHES = 1_000;
    static final int ROUNDS = 4;
    static final long MAX_BYTES_PER_BATCH = 64;

    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long DELAY_MILLIS = 1_000;
    private static final int SYMBOLS = 64;
    /** A key whose rows come in two sessions 0.25 s apart, then a row that bridges them. */
    private static final String BRIDGE = "BRIDGE";

    private static final String TABLE = """
        CREATE TABLE trades (
          symbol  VARCHAR,
          price   DOUBLE,
          qty     BIGINT,
          account BIGINT,
          ts      TIMESTAMP(3),
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
        )%s;
        """;

    private static final String ALLOWED_LATENESS = " WITH ('late.policy' = 'allowed-lateness', 'late.allowed-lateness' = '2s')";
    private static final String NEXT_WINDOW = " WITH ('late.policy' = 'next-window')";

    private static final String TUMBLE = "TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' SECOND))";
    private static final String SESSION = "TABLE(SESSION(TABLE trades PARTITION BY symbol, DESCRIPTOR(ts), INTERVAL '1' SECOND))";
    private static final String WINDOW_AGGREGATES = "SELECT symbol, window_start, window_end, COUNT(*) AS n, "
        + "SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high, AVG(price) AS mean FROM ";
    private static final String BY_SYMBOL_AND_WINDOW = " GROUP BY symbol, window_start, window_end";

    /** One query of the set: its name, table options, query, and whether it is windowed. */
    record Case(String name, String options, String query, boolean windowed) {
        String sql() {
            return TABLE.formatted(options) + query;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
            new Case("projection + filter", "", """
                SELECT symbol, price * qty AS notional, qty + 1 AS next_qty, ts,
                       CASE WHEN price > 50 THEN 'high' ELSE 'low' END AS band
                FROM trades WHERE qty > 10 AND price IS NOT NULL""", false),
            new Case("GROUP BY no key", "", """
                SELECT COUNT(*) AS n, COUNT(qty) AS with_qty, SUM(qty) AS volume, SUM(price) AS turnover,
                       AVG(price) AS mean, MIN(price) AS low, MAX(price) AS high, MIN(qty) AS min_qty,
                       MAX(qty) AS max_qty
                FROM trades""", false),
            new Case("GROUP BY no key, arithmetic in lanes", "", """
                SELECT COUNT(*) AS n, SUM(price * qty) AS notional, SUM(qty * 2 + 1) AS odd, MAX(qty - 1) AS top,
                       AVG(price / 2) AS half
                FROM trades WHERE qty > 10""", false),
            // qty > 48: 1 row in 50, so the SIMD twin runs its sparse loop (fusedSparse)
            new Case("GROUP BY no key, selective WHERE", "", """
                SELECT COUNT(*) AS n, SUM(price * qty) AS notional, SUM(qty * 2 + 1) AS odd, MAX(qty - 1) AS top,
                       AVG(price / 2) AS half
                FROM trades WHERE qty > 48""", false),
            new Case("GROUP BY BIGINT key (1000 keys)", "", """
                SELECT account, COUNT(*) AS n, SUM(qty) AS volume, MIN(symbol) AS first_symbol,
                       MAX(price) AS high, AVG(qty) AS mean_qty
                FROM trades GROUP BY account""", false),
            new Case("GROUP BY VARCHAR key", "", """
                SELECT symbol, COUNT(*) AS n, SUM(price) AS turnover, AVG(qty) AS mean_qty, MAX(qty) AS max_qty
                FROM trades GROUP BY symbol""", false),
            new Case("filter + GROUP BY + HAVING", "", """
                SELECT symbol, COUNT(*) AS n, MAX(price) AS high
                FROM trades WHERE qty > 10 AND price < 90.0 GROUP BY symbol HAVING COUNT(*) > 1""", false),
            new Case("TUMBLE EMIT FINAL", "", WINDOW_AGGREGATES + TUMBLE + BY_SYMBOL_AND_WINDOW + " EMIT FINAL", true),
            new Case("HOP", "", WINDOW_AGGREGATES
                + "TABLE(HOP(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND))"
                + BY_SYMBOL_AND_WINDOW, true),
            new Case("CUMULATE", "", WINDOW_AGGREGATES
                + "TABLE(CUMULATE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND))"
                + BY_SYMBOL_AND_WINDOW, true),
            new Case("SESSION", "", WINDOW_AGGREGATES + SESSION + BY_SYMBOL_AND_WINDOW, true),
            new Case("TUMBLE EMIT CHANGES", "", WINDOW_AGGREGATES + TUMBLE + BY_SYMBOL_AND_WINDOW + " EMIT CHANGES", true),
            new Case("HOP EMIT CHANGES", "", WINDOW_AGGREGATES
                + "TABLE(HOP(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND))"
                + BY_SYMBOL_AND_WINDOW + " EMIT CHANGES", true),
            new Case("SESSION EMIT CHANGES", "", WINDOW_AGGREGATES + SESSION + BY_SYMBOL_AND_WINDOW + " EMIT CHANGES",
                true),
            new Case("TUMBLE allowed-lateness", ALLOWED_LATENESS, WINDOW_AGGREGATES + TUMBLE + BY_SYMBOL_AND_WINDOW, true),
            new Case("TUMBLE next-window", NEXT_WINDOW, WINDOW_AGGREGATES + TUMBLE + BY_SYMBOL_AND_WINDOW, true),
            new Case("SESSION allowed-lateness", ALLOWED_LATENESS, WINDOW_AGGREGATES + SESSION + BY_SYMBOL_AND_WINDOW,
                true),
            new Case("SESSION next-window", NEXT_WINDOW, WINDOW_AGGREGATES + SESSION + BY_SYMBOL_AND_WINDOW, true));
    }

    static Stream<Arguments> casesAndTwins() {
        final List<Arguments> all = new ArrayList<>();
        for (final Case c : cases()) {
            all.add(Arguments.of(c, true));
            all.add(Arguments.of(c, false));
        }
        return all.stream();
    }

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<String, CompiledQuery> compiled = new HashMap<>();
    private final StringDictionary dictionary = new StringDictionary();
    private final List<String> report = new ArrayList<>();
    private Input input;

    @BeforeAll
    void input() throws CompileException {
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        final CompiledQuery any = Sluice.compile(TABLE.formatted("") + "SELECT symbol FROM trades");
        input = new Input(any.plan().input(), dictionary);
    }

    @AfterAll
    void close() {
        if (input != null) {
            input.close();
        }
        System.out.println("ZeroAllocationTest: bytes allocated in steady state per batch of " + ROWS + " rows");
        report.forEach(line -> System.out.println("  " + line));
    }

    @ParameterizedTest(name = "{0}, simd={1}")
    @MethodSource("casesAndTwins")
    void steadyStateAllocatesNothingPerRecord(final Case c, final boolean simd) throws CompileException {
        CompiledQuery query = compiled.get(c.name());
        if (query == null) {
            query = Sluice.compile(c.sql());
            compiled.put(c.name(), query);
        }
        assertThat(query.plan().input()).isEqualTo(input.schema);
        final MemoryBudget budget = MemoryBudget.unlimited();
        final Consumer sink = new Consumer();
        // windowed kernels implement the late policy of the table's options, compiled in; the context's is not read
        final KernelContext context = new KernelContext(dictionary, budget, LatePolicy.DROP, LateRowSink.NONE, simd);
        assertThat(context.useSimd()).as("the twin that runs (the build loads the Vector API)").isEqualTo(simd);
        try (Kernel kernel = query.kernels().create(context)) {
            final Driver driver = new Driver(kernel, sink);
            for (int k = 0; k < WARMUP_BATCHES; k++) {
                driver.next();
            }
            final long stateBytes = budget.used();
            final long rowsBefore = sink.rows;
            final long lateBefore = kernel.lateRows();
            final List<Double> rounds = new ArrayList<>();
            double perBatch = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS && perBatch > MAX_BYTES_PER_BATCH; round++) {
                long allocated = 0;
                for (int k = 0; k < MEASURED_BATCHES; k++) {
                    allocated += driver.next();
                }
                perBatch = (double) allocated / MEASURED_BATCHES;
                rounds.add(perBatch);
            }
            final double measured = (double) rounds.size() * MEASURED_BATCHES;
            report.add(String.format("%-32s simd=%-5s bytes/batch per round %s; per batch: %.1f rows out, %.1f late",
                c.name(), simd, rounds, (sink.rows - rowsBefore) / measured, (kernel.lateRows() - lateBefore) / measured));
            assertThat(perBatch)
                .as("%s (simd=%s): bytes allocated per batch of %d rows in steady state, per round of %d batches: %s",
                    c.name(), simd, ROWS, MEASURED_BATCHES, rounds)
                .isLessThanOrEqualTo(MAX_BYTES_PER_BATCH);
            assertThat(budget.used()).as("state memory after warm-up and after the measured batches")
                .isEqualTo(stateBytes);
            assertThat(sink.rows - rowsBefore).as("rows emitted while measuring").isPositive();
            if (c.windowed()) {
                assertThat(kernel.lateRows() - lateBefore).as("late rows met while measuring").isPositive();
            } else {
                assertThat(sink.rows - rowsBefore).as("rows emitted while measuring").isGreaterThan(MEASURED_BATCHES);
            }
            kernel.finish(sink);
        }
    }

    /** Feeds the batches lap after lap, shifting event time; returns the bytes each step allocated. */
    private final class Driver {
        private final Kernel kernel;
        private final ResultSink sink;
        private long lap;
        private int next;

        Driver(final Kernel kernel, final ResultSink sink) {
            this.kernel = kernel;
            this.sink = sink;
        }

        /** Runs the next batch through the kernel; the bytes allocated by the kernel's two calls. */
        long next() {
            final ColumnBatch batch = input.prepare(next, lap);
            final long before = threads.getCurrentThreadAllocatedBytes();
            kernel.process(batch, sink);
            kernel.advanceWatermark(batch.watermarkAfter(), sink);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (++next == BATCHES) {
                next = 0;
                lap++;
            }
            return allocated;
        }
    }

    /** Reads every value of every result row and keeps nothing but a checksum. */
    static final class Consumer implements ResultSink {
        long rows;
        long checksum;

        @Override
        public void accept(final ResultRow row) {
            rows++;
            long h = row.kind().ordinal();
            for (int c = 0; c < row.size(); c++) {
                if (row.isNull(c)) {
                    h = h * 31 + 7;
                    continue;
                }
                switch (row.type(c)) {
                    case DOUBLE -> h = h * 31 + Double.doubleToRawLongBits(row.getDouble(c));
                    case VARCHAR -> h = h * 31 + row.getString(c).hashCode();
                    default -> h = h * 31 + row.getLong(c);
                }
            }
            checksum += h;
        }
    }

    /**
     * The {@value #BATCHES} input batches: every column but the event time filled once; the event
     * time and per-row watermarks (of lap 0) kept on the heap and written, shifted, before each use.
     */
    static final class Input implements AutoCloseable {
        final Schema schema;
        private final ColumnBatch[] batches = new ColumnBatch[BATCHES];
        private final long[][] times = new long[BATCHES][ROWS];
        private final long[][] watermarks = new long[BATCHES][ROWS];
        private final long[] watermarkAfter = new long[BATCHES];
        private final boolean[][] nullPrice = new boolean[BATCHES][ROWS];
        private final boolean[][] nullQty = new boolean[BATCHES][ROWS];
        private final boolean[][] nullAccount = new boolean[BATCHES][ROWS];
        private final int ts;
        private final int price;
        private final int qty;
        private final int account;

        Input(final Schema schema, final StringDictionary dictionary) {
            this.schema = schema;
            final int symbol = schema.indexOf("symbol");
            this.price = schema.indexOf("price");
            this.qty = schema.indexOf("qty");
            this.account = schema.indexOf("account");
            this.ts = schema.indexOf("ts");
            final int[] codes = new int[SYMBOLS];
            for (int s = 0; s < SYMBOLS; s++) {
                codes[s] = dictionary.intern("SYM" + (char) ('A' + s / 26) + (char) ('A' + s % 26));
            }
            final int bridge = dictionary.intern(BRIDGE);
            final long[] time = new long[BATCHES * ROWS];
            long lapMax = Long.MIN_VALUE;
            for (int g = 0; g < time.length; g++) { // g: row of the lap
                long t = T0 + g * SHIFT_MILLIS / time.length;
                if (bridge(g) == 1) {
                    t -= 770; // between its key's two sessions (and in the next batch), within the delay
                } else if (bridge(g) < 0) {
                    if (g % 5 == 3) {
                        t -= 700; // out of order, within the watermark delay
                    }
                    if (g % 1009 == 500) {
                        t -= (g / 1009) % 2 == 0 ? 2_500 : 10_000; // late: within, and beyond, the allowed lateness
                    }
                }
                time[g] = t;
                lapMax = Math.max(lapMax, t);
            }
            long maxSeen = lapMax - SHIFT_MILLIS; // as if the previous lap had come first: watermarks repeat exactly
            for (int b = 0; b < BATCHES; b++) {
                final ColumnBatch batch = new ColumnBatch(schema, ROWS, dictionary);
                batch.sourceNames("zero-allocation");
                batches[b] = batch;
                for (int i = 0; i < ROWS; i++) {
                    final int g = b * ROWS + i;
                    times[b][i] = time[g];
                    watermarks[b][i] = maxSeen - DELAY_MILLIS;
                    maxSeen = Math.max(maxSeen, time[g]);
                    nullPrice[b][i] = g % 101 == 0;
                    nullQty[b][i] = g % 103 == 7;
                    batch.addRow(g + 1, watermarks[b][i]);
                    // two sets of 32 symbols taking turns every 2048 rows, and BRIDGE now and then
                    batch.column(symbol).setInt(i, bridge(g) >= 0 ? bridge : codes[(g % 32) + 32 * ((g >> 11) & 1)]);
                    batch.column(price).setDouble(i, (g * 37 % 10_000) / 100.0);
                    batch.column(qty).setLong(i, g % 50);
                    batch.column(account).setLong(i, g * 7919L % 1000);
                    nullAccount[b][i] = g % 211 == 5;
                }
                watermarkAfter[b] = maxSeen - DELAY_MILLIS;
            }
            assertThat(maxSeen).as("a lap's event time fits in its shift").isLessThan(T0 + SHIFT_MILLIS);
        }

        /**
         * The rows of the BRIDGE key, every {@value #ROWS} rows: 2 at the end of a batch, 1.25 s apart
         * (two sessions), and 0 early in the next batch, timed between them: it merges them.
         * -1 for other rows.
         */
        private static int bridge(final int g) {
            return switch (g % ROWS) {
                case 3000, 4024 -> 2;
                case 28 -> 1;
                default -> -1;
            };
        }

        /** Batch {@code b} with the event times and watermarks of lap {@code lap}; allocates nothing. */
        ColumnBatch prepare(final int b, final long lap) {
            final ColumnBatch batch = batches[b];
            final long shift = lap * SHIFT_MILLIS;
            batch.reset(); // clears the NULL bits: set again below
            final ColumnVector time = batch.column(ts);
            final ColumnVector prices = batch.column(price);
            final ColumnVector quantities = batch.column(qty);
            final ColumnVector accounts = batch.column(account);
            for (int i = 0; i < ROWS; i++) {
                batch.addRow(lap * BATCHES * ROWS + b * ROWS + i + 1, watermarks[b][i] + shift);
                time.setLong(i, times[b][i] + shift);
                if (nullPrice[b][i]) {
                    prices.setNull(i);
                }
                if (nullQty[b][i]) {
                    quantities.setNull(i);
                }
                if (nullAccount[b][i]) {
                    accounts.setNull(i);
                }
            }
            batch.watermarkAfter(watermarkAfter[b] + shift);
            return batch;
        }

        @Override
        public void close() {
            for (final ColumnBatch b : batches) {
                if (b != null) {
                    b.close();
                }
            }
        }
    }
}
