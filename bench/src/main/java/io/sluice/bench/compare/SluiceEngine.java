package io.sluice.bench.compare;

import io.sluice.compiler.CompiledQuery;
import io.sluice.compiler.plan.TableDefinition;
import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.ColumnVector;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.exec.QueryRunner;
import io.sluice.runtime.exec.RoutingSpec;
import io.sluice.runtime.exec.RunOptions;
import io.sluice.runtime.exec.RunProgress;
import io.sluice.runtime.exec.RunSummary;
import io.sluice.runtime.exec.SourceSpec;
import io.sluice.runtime.expr.SqlFunctions;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.sink.CsvOutput;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.sink.RowKind;
import io.sluice.runtime.state.MemoryBudget;
import io.sluice.runtime.time.WatermarkTracker;
import io.sluice.runtime.type.Schema;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sluice, as a library (in-memory: ColumnBatches built beforehand, driven through the generated
 * kernel) or end to end (CSV file in through the runtime's QueryRunner, CSV file out).
 *
 * <p>The SIMD and scalar variants are the kernel's twins ({@link KernelContext#withSimd}, as
 * {@code --no-simd}); where a query has no loop in lanes both run the same code.
 *
 * <p>In-memory with 2 partitions, the batches are routed to the partitions beforehand (by a hash of
 * the query's routing columns, as the runtime's router does; rows keep their watermarks), and two
 * threads each drive their own kernel instance: routing cost is not in the figure.
 */
final class SluiceEngine implements Engine {
    static final int BATCH = RunOptions.DEFAULT_BATCH_SIZE;

    private final boolean simd;
    private final boolean inMemory;
    private final int partitions;
    private ExecutorService pool;

    private CompiledQuery compiled;
    private StringDictionary dictionary;
    private List<List<ColumnBatch>> batches;
    private Workspace ws;
    private QueryDef query;
    private Path output;
    private long sunk;

    SluiceEngine(final boolean simd, final boolean inMemory, final int partitions) {
        this.simd = simd;
        this.inMemory = inMemory;
        this.partitions = partitions;
    }

    @Override
    public String id() {
        return "sluice-" + (simd ? "simd" : "scalar") + "-" + (inMemory ? "mem" : "csv") + "-" + partitions + "p";
    }

    @Override
    public String label() {
        return "Sluice " + (simd ? "SIMD" : "scalar") + " twin, " + partitions
            + (partitions == 1 ? " partition" : " partitions");
    }

    @Override
    public String mode() {
        return inMemory ? "in-memory" : "CSV end-to-end";
    }

    @Override
    public int threads() {
        return partitions;
    }

    @Override
    public void prepare(final QueryDef q, final Workspace workspace) throws Exception {
        this.ws = workspace;
        this.query = q;
        this.compiled = workspace.compile(q);
        if (inMemory) {
            freeBatches();
            dictionary = new StringDictionary();
            batches = route(build(compiled, workspace.dataset(q.data()), dictionary), compiled.spec().routing(), partitions);
            if (partitions > 1 && pool == null) {
                pool = Executors.newFixedThreadPool(partitions);
            }
        } else {
            output = workspace.scratch.resolve(q.name() + "-" + id() + ".csv");
        }
    }

    @Override
    public ResultTable result() throws Exception {
        final List<String> names = ws.names(query);
        final List<Kind> kinds = ws.kinds(query);
        if (!inMemory) {
            final RunSummary s = runFile();
            if (s.rowsLate() > 0) {
                throw new IllegalStateException(s.rowsLate() + " late rows: the data's disorder exceeds the watermark delay");
            }
            return ResultTable.readCsv(output, names, kinds, compiled.changelog());
        }
        final ResultTable.ChangelogBuilder[] logs = new ResultTable.ChangelogBuilder[partitions];
        final ResultSink[] sinks = new ResultSink[partitions];
        for (int p = 0; p < partitions; p++) {
            final ResultTable.ChangelogBuilder log = new ResultTable.ChangelogBuilder();
            logs[p] = log;
            sinks[p] = row -> {
                final Object[] values = new Object[kinds.size()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = row.isNull(c) ? null : switch (kinds.get(c)) {
                        case LONG, TIMESTAMP -> row.getLong(c);
                        case DOUBLE -> row.getDouble(c);
                        case STRING -> row.getString(c);
                    };
                }
                log.apply(values, row.kind() == RowKind.INSERT || row.kind() == RowKind.UPDATE_AFTER);
            };
        }
        final long late = runMemory(sinks);
        if (late > 0) {
            throw new IllegalStateException(late + " late rows: the data's disorder exceeds the watermark delay");
        }
        for (int p = 1; p < partitions; p++) {
            logs[0].addAll(logs[p]);
        }
        return logs[0].build(names, kinds);
    }

    @Override
    public long time() throws Exception {
        final long t0 = System.nanoTime();
        if (inMemory) {
            // the callback reads every column of every row, as the JDBC engines' ResultSet loops do
            final ResultSink[] sinks = new ResultSink[partitions];
            // 128 bytes per partition: CPUs fetch cache lines in pairs, so 64 bytes apart still contend
            final long[] checksum = new long[partitions * 16];
            final Kind[] kinds = ws.kinds(query).toArray(new Kind[0]);
            for (int p = 0; p < partitions; p++) {
                final int slot = p * 16;
                sinks[p] = row -> {
                    long sum = 0;
                    for (int c = 0; c < kinds.length; c++) {
                        if (row.isNull(c)) {
                            continue;
                        }
                        sum += switch (kinds[c]) {
                            case LONG, TIMESTAMP -> row.getLong(c);
                            case DOUBLE -> (long) row.getDouble(c);
                            case STRING -> row.getString(c).length();
                        };
                    }
                    checksum[slot] += sum;
                };
            }
            runMemory(sinks);
            sunk += checksum[0];
        } else {
            runFile();
        }
        return System.nanoTime() - t0;
    }

    /** Drives one kernel per partition over the prepared batches; returns the late rows. */
    private long runMemory(final ResultSink[] sinks) throws Exception {
        if (partitions == 1) {
            return drive(batches.get(0), sinks[0]);
        }
        final List<Future<Long>> done = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            final int part = p;
            done.add(pool.submit(() -> drive(batches.get(part), sinks[part])));
        }
        long late = 0;
        for (final Future<Long> f : done) {
            late += f.get();
        }
        return late;
    }

    private long drive(final List<ColumnBatch> list, final ResultSink sink) {
        try (Kernel kernel = compiled.kernels().create(new KernelContext(dictionary, MemoryBudget.unlimited()).withSimd(simd))) {
            for (final ColumnBatch b : list) {
                kernel.process(b, sink);
                kernel.advanceWatermark(b.watermarkAfter(), sink);
            }
            kernel.finish(sink);
            return kernel.lateRows();
        }
    }

    private RunSummary runFile() throws Exception {
        final TableDefinition t = compiled.plan().table();
        final Path csv = ws.csv(query.data());
        final SourceSpec source = new SourceSpec(t.name(), t.schema(), csv, csv.toString(), t.eventTimeColumn(),
            t.watermarkDelayMillis());
        final Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        final CsvOutput out = new CsvOutput(writer, output.toString(), compiled.output(), compiled.changelog());
        try {
            return QueryRunner.run(source, compiled.kernels(), compiled.spec().routing(), LatePolicy.DROP,
                RunOptions.defaults().withPartitions(partitions).withSimd(simd), p -> out.partitionSink(), LateRowSink.NONE,
                RunProgress.NONE);
        } finally {
            out.close();
        }
    }

    /** The data set as batches of the query's table schema, with each row's watermark as the source would set it. */
    static List<ColumnBatch> build(final CompiledQuery q, final Dataset d, final StringDictionary dictionary) {
        final TableDefinition t = q.plan().table();
        final Schema schema = t.schema();
        final int n = schema.size();
        final int[] from = new int[n];
        for (int c = 0; c < n; c++) {
            from[c] = d.index(schema.column(c).name());
        }
        final WatermarkTracker wm = t.hasWatermark() ? new WatermarkTracker(t.watermarkDelayMillis()) : null;
        final long[] eventTime = t.hasWatermark() ? (long[]) d.columns[from[t.eventTimeColumn()]] : null;
        final List<ColumnBatch> out = new ArrayList<>();
        ColumnBatch batch = null;
        for (int r = 0; r < d.rows; r++) {
            if (batch == null || batch.isFull()) {
                if (batch != null) {
                    batch.watermarkAfter(wm == null ? ColumnBatch.NO_WATERMARK : wm.current());
                }
                batch = new ColumnBatch(schema, BATCH, dictionary);
                out.add(batch);
            }
            final int row = batch.addRow(r + 2, wm == null ? ColumnBatch.NO_WATERMARK : wm.current());
            for (int c = 0; c < n; c++) {
                final ColumnVector v = batch.column(c);
                final Object col = d.columns[from[c]];
                switch (schema.column(c).type()) {
                    case BIGINT, TIMESTAMP -> v.setLong(row, ((long[]) col)[r]);
                    case INT -> v.setInt(row, (int) ((long[]) col)[r]);
                    case DOUBLE -> v.setDouble(row, ((double[]) col)[r]);
                    case VARCHAR -> v.setInt(row, dictionary.intern(((String[]) col)[r]));
                    case BOOLEAN -> v.setBoolean(row, ((long[]) col)[r] != 0);
                }
            }
            if (wm != null) {
                wm.observe(eventTime[r]);
            }
        }
        if (batch != null) {
            batch.watermarkAfter(wm == null ? ColumnBatch.NO_WATERMARK : wm.current());
        }
        return out;
    }

    /** Splits the batches over {@code partitions} as the runtime's router would (same rows together, order kept). */
    static List<List<ColumnBatch>> route(final List<ColumnBatch> all, final RoutingSpec routing, final int partitions) {
        final List<List<ColumnBatch>> out = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            out.add(new ArrayList<>());
        }
        if (partitions == 1 || routing.mode() == RoutingSpec.Mode.SINGLE) {
            out.get(0).addAll(all);
            return out;
        }
        if (routing.mode() == RoutingSpec.Mode.ROUND_ROBIN) {
            for (int b = 0; b < all.size(); b++) {
                out.get(b % partitions).add(all.get(b));
            }
            return out;
        }
        final int[][] rows = new int[partitions][BATCH];
        final int[] counts = new int[partitions];
        for (final ColumnBatch in : all) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < in.rowCount(); i++) {
                long h = SqlFunctions.HASH_SEED;
                for (final int c : routing.columns()) {
                    final ColumnVector v = in.column(c);
                    final long word = v.isNull(i) ? 0x5DEECE66DL : switch (v.type()) {
                        case BIGINT, TIMESTAMP -> v.getLong(i);
                        case INT, VARCHAR -> v.getInt(i);
                        case DOUBLE -> SqlFunctions.keyBits(v.getDouble(i));
                        case BOOLEAN -> v.getBoolean(i) ? 1 : 0;
                    };
                    h = SqlFunctions.hash(h, word);
                }
                final int p = (int) ((h >>> 1) % partitions);
                rows[p][counts[p]++] = i;
            }
            for (int p = 0; p < partitions; p++) {
                if (counts[p] > 0) {
                    final ColumnBatch part = new ColumnBatch(in.schema(), BATCH, in.column(0).dictionary());
                    part.copyRowsFrom(in, rows[p], counts[p]);
                    out.get(p).add(part);
                }
            }
            in.close();
        }
        return out;
    }

    private void freeBatches() {
        if (batches != null) {
            for (final List<ColumnBatch> l : batches) {
                for (final ColumnBatch b : l) {
                    b.close();
                }
            }
            batches = null;
        }
    }

    @Override
    public void close() {
        freeBatches();
        if (pool != null) {
            pool.shutdownNow();
        }
        if (sunk == 42) {
            System.err.print("");
        }
    }
}
