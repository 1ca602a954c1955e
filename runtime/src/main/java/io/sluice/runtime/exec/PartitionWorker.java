package io.sluice.runtime.exec;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.kernel.Kernel;
import io.sluice.runtime.sink.ResultSink;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * One processing partition: an Agrona {@link Agent} that takes batches from its queue, runs its own
 * kernel instance over them, advances the kernel's watermark with each batch's (watermarks travel
 * in-band with the rows), and hands the batch back to the router for reuse. At end of input it
 * fires everything and stops.
 *
 * <p>Threads: the router offers batches and sets {@link #endOfInput()}; everything else runs on
 * the agent's thread. {@link #done()} and {@link #failure()} are safe to read from any thread.
 */
final class PartitionWorker implements Agent {
    private final int partition;
    private final Kernel kernel;
    private final ResultSink sink;
    private final OneToOneConcurrentArrayQueue<ColumnBatch> input;
    private final OneToOneConcurrentArrayQueue<ColumnBatch> free;
    private final PartitionMetrics metrics;
    private volatile boolean endOfInput;
    private volatile boolean aborted;
    private volatile boolean done;
    private volatile Throwable failure;

    PartitionWorker(final int partition, final Kernel kernel, final ResultSink sink,
                    final OneToOneConcurrentArrayQueue<ColumnBatch> input,
                    final OneToOneConcurrentArrayQueue<ColumnBatch> free, final PartitionMetrics metrics) {
        this.partition = partition;
        this.kernel = kernel;
        this.sink = sink;
        this.input = input;
        this.free = free;
        this.metrics = metrics;
    }

    @Override
    public int doWork() {
        if (aborted) {
            done = true;
            throw new AgentTerminationException("aborted");
        }
        try {
            ColumnBatch batch = input.poll();
            if (batch == null) {
                if (!endOfInput) {
                    return 0;
                }
                batch = input.poll(); // the flag is set after the last offer: look once more
                if (batch == null) {
                    kernel.finish(sink);
                    done = true;
                    throw new AgentTerminationException("end of input");
                }
            }
            final long start = System.nanoTime();
            kernel.process(batch, sink);
            kernel.advanceWatermark(batch.watermarkAfter(), sink);
            metrics.recordBatch(batch.rowCount(), System.nanoTime() - start, batch.watermarkAfter());
            free.offer(batch);
            return 1;
        } catch (final AgentTerminationException e) {
            throw e;
        } catch (final Throwable t) {
            failure = t;
            done = true;
            throw new AgentTerminationException(t);
        }
    }

    void endOfInput() {
        endOfInput = true;
    }

    void abort() {
        aborted = true;
    }

    boolean done() {
        return done;
    }

    Throwable failure() {
        return failure;
    }

    Kernel kernel() {
        return kernel;
    }

    @Override
    public String roleName() {
        return "sluice-partition-" + partition;
    }
}
