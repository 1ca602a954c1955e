package io.sluice.runtime.exec;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.kernel.KernelFactory;
import io.sluice.runtime.kernel.LatePolicy;
import io.sluice.runtime.kernel.LateRowSink;
import io.sluice.runtime.sink.ResultRow;
import io.sluice.runtime.sink.ResultSink;
import io.sluice.runtime.source.TableSource;
import io.sluice.runtime.state.MemoryBudget;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs a compiled query over its source: the one place the data path is wired, used by the CLI,
 * the golden runner and (later) runnable artifacts.
 *
 * <p>With one partition everything runs on the calling thread: decode a batch, process it, advance
 * the watermark. With N partitions the calling thread reads and routes (hash of the group key's
 * input columns, see {@link RoutingSpec}), and N worker threads ({@link PartitionWorker}) each run
 * their own kernel instance, fed through bounded single-producer queues; a full queue makes the
 * source wait (backpressure), it never drops. Each row carries the watermark in force before it and
 * each batch the watermark after it, so which rows are late and when windows fire does not depend
 * on the partition count, thread timing or batch size.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    /** One partition's sink: each is used by one partition's thread only. */
    @FunctionalInterface
    public interface SinkFactory extends IntFunction<ResultSink> {
    }

    /** Runs on one partition (options.partitions() must be 1) into one sink. */
    public static RunSummary run(final SourceSpec source, final KernelFactory kernels, final RunOptions options,
                                 final ResultSink sink) {
        if (options.partitions() != 1) {
            throw new IllegalArgumentException("one sink needs one partition; pass a routing and a sink per partition");
        }
        return run(source, kernels, RoutingSpec.single(), LatePolicy.DROP, options, p -> sink, LateRowSink.NONE,
            RunProgress.NONE);
    }

    /**
     * Runs the query to completion. Sinks are not closed.
     *
     * @throws io.sluice.runtime.error.DataException for bad input or a failing expression
     */
    public static RunSummary run(final SourceSpec spec, final KernelFactory kernels, final RoutingSpec routing,
                                 final LatePolicy latePolicy, final RunOptions options, final IntFunction<ResultSink> sinks,
                                 final LateRowSink lateRows, final RunProgress progress) {
        final long start = System.nanoTime();
        final StringDictionary dictionary = new StringDictionary();
        final MemoryBudget budget = new MemoryBudget(options.maxStateMemory());
        final int n = options.partitions();
        final PartitionMetrics[] metrics = new PartitionMetrics[n];
        final Kernel[] kernel = new Kernel[n];
        final List<ColumnBatch> batches = new ArrayList<>();
        try (RejectsFile rejects = new RejectsFile(options.rejectsPath());
             TableSource source = new TableSource(spec.paths(), spec.displayNames(), spec.schema(), dictionary,
                 spec.eventTimeColumn(), spec.delayMillis(), options.idleTimeoutMillis(), options.badRows(), rejects)) {
            for (int p = 0; p < n; p++) {
                metrics[p] = new PartitionMetrics();
                kernel[p] = kernels.create(new KernelContext(dictionary, budget, latePolicy, lateRows, options.simd()));
            }
            final ColumnBatch input = new ColumnBatch(spec.schema(), options.batchSize(), dictionary);
            batches.add(input);
            final long watermark;
            if (n == 1) {
                watermark = runInline(source, input, kernel[0], counting(sinks.apply(0), metrics[0]), metrics[0], progress);
            } else {
                watermark = runPartitioned(source, input, kernel, sinks, metrics, routing, options, dictionary, batches,
                    progress);
            }
            return summarize(source, kernel, metrics, watermark, System.nanoTime() - start);
        } finally {
            for (final Kernel k : kernel) {
                if (k != null) {
                    k.close();
                }
            }
            for (final ColumnBatch b : batches) {
                b.close();
            }
        }
    }

    private static long runInline(final TableSource source, final ColumnBatch batch, final Kernel kernel,
                                  final ResultSink sink, final PartitionMetrics metrics, final RunProgress progress) {
        long watermark = ColumnBatch.NO_WATERMARK;
        while (source.next(batch)) {
            final long t = System.nanoTime();
            kernel.process(batch, sink);
            kernel.advanceWatermark(batch.watermarkAfter(), sink);
            metrics.recordBatch(batch.rowCount(), System.nanoTime() - t, batch.watermarkAfter());
            watermark = batch.watermarkAfter();
            progress.update(source.rowsRead(), watermark, source.maxEventTime());
        }
        kernel.finish(sink);
        return watermark;
    }

    private static long runPartitioned(final TableSource source, final ColumnBatch input, final Kernel[] kernel,
                                       final IntFunction<ResultSink> sinks, final PartitionMetrics[] metrics,
                                       final RoutingSpec routing, final RunOptions options,
                                       final StringDictionary dictionary, final List<ColumnBatch> batches,
                                       final RunProgress progress) {
        final int n = kernel.length;
        final int capacity = options.queueCapacity();
        final PartitionWorker[] workers = new PartitionWorker[n];
        final AgentRunner[] runners = new AgentRunner[n];
        @SuppressWarnings("unchecked")
        final OneToOneConcurrentArrayQueue<ColumnBatch>[] queues = new OneToOneConcurrentArrayQueue[n];
        @SuppressWarnings("unchecked")
        final OneToOneConcurrentArrayQueue<ColumnBatch>[] free = new OneToOneConcurrentArrayQueue[n];
        final long[] sentWatermark = new long[n];
        final Router router = new Router(routing, n, options.batchSize());
        final IdleStrategy waiting = new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1));
        boolean finished = false;
        try {
            for (int p = 0; p < n; p++) {
                queues[p] = new OneToOneConcurrentArrayQueue<>(capacity);
                free[p] = new OneToOneConcurrentArrayQueue<>(capacity);
                for (int b = 0; b < capacity; b++) {
                    final ColumnBatch batch = new ColumnBatch(input.schema(), options.batchSize(), dictionary);
                    batches.add(batch);
                    free[p].offer(batch);
                }
                sentWatermark[p] = ColumnBatch.NO_WATERMARK;
                workers[p] = new PartitionWorker(p, kernel[p], counting(sinks.apply(p), metrics[p]), queues[p], free[p],
                    metrics[p]);
                runners[p] = new AgentRunner(new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MILLISECONDS.toNanos(1)), t -> { }, null, workers[p]);
                AgentRunner.startOnThread(runners[p]);
            }
            long watermark = ColumnBatch.NO_WATERMARK;
            while (source.next(input)) {
                router.route(input);
                watermark = input.watermarkAfter();
                for (int p = 0; p < n; p++) {
                    final int count = router.count(p);
                    if (count == 0 && watermark <= sentWatermark[p]) {
                        continue; // nothing new for this partition
                    }
                    ColumnBatch batch;
                    while ((batch = free[p].poll()) == null) {
                        checkFailures(workers);
                        waiting.idle();
                    }
                    waiting.reset();
                    batch.copyRowsFrom(input, router.rows(p), count);
                    queues[p].offer(batch);
                    metrics[p].queueDepth(queues[p].size());
                    sentWatermark[p] = watermark;
                }
                progress.update(source.rowsRead(), watermark, source.maxEventTime());
            }
            for (final PartitionWorker w : workers) {
                w.endOfInput();
            }
            for (final PartitionWorker w : workers) {
                while (!w.done()) {
                    waiting.idle();
                }
            }
            checkFailures(workers);
            finished = true;
            return watermark;
        } finally {
            if (!finished) {
                for (final PartitionWorker w : workers) {
                    if (w != null) {
                        w.abort();
                    }
                }
            }
            for (final AgentRunner r : runners) {
                if (r != null) {
                    r.close();
                }
            }
        }
    }

    private static void checkFailures(final PartitionWorker[] workers) {
        for (final PartitionWorker w : workers) {
            final Throwable t = w.failure();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    private static RunSummary summarize(final TableSource source, final Kernel[] kernel, final PartitionMetrics[] metrics,
                                        final long watermark, final long elapsed) {
        final List<PartitionReport> reports = new ArrayList<>();
        long filtered = 0;
        long late = 0;
        long out = 0;
        long routed = 0;
        for (int p = 0; p < kernel.length; p++) {
            final PartitionMetrics m = metrics[p];
            reports.add(new PartitionReport(p, m.rowsIn, m.rowsOut, kernel[p].filteredRows(), kernel[p].lateRows(),
                m.watermark, m.batches, m.maxQueueDepth,
                m.batchNanos.getValueAtPercentile(50) / 1000.0, m.batchNanos.getValueAtPercentile(99) / 1000.0,
                m.batchNanos.getMaxValue() / 1000.0));
            filtered += kernel[p].filteredRows();
            late += kernel[p].lateRows();
            out += m.rowsOut;
            routed += m.rowsIn;
        }
        final RunSummary summary = new RunSummary(source.rowsRead(), source.rowsRejected(), filtered, late, out, elapsed,
            watermark, reports);
        // conservation: every row read is rejected or reached exactly one partition; a bug otherwise
        if (routed != summary.rowsProcessed() || summary.rowsAggregated() < 0) {
            throw new IllegalStateException("row accounting broken: read " + summary.rowsRead() + ", rejected "
                + summary.rowsRejected() + ", routed " + routed + ", filtered " + filtered + ", late " + late);
        }
        return summary;
    }

    private static ResultSink counting(final ResultSink sink, final PartitionMetrics metrics) {
        return new ResultSink() {
            @Override
            public void accept(final ResultRow row) {
                metrics.rowsOut++;
                sink.accept(row);
            }
        };
    }
}
