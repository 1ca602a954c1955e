package io.sluice.runtime.source;

import io.sluice.runtime.batch.ColumnBatch;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.time.WatermarkMerger;
import io.sluice.runtime.type.Schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table read from one or more CSV files, each a source partition with its own watermark. Files
 * are merged one row at a time, round robin (a file that ended drops out), so the merged order —
 * and with it which rows are late — depends only on the files, never on the batch size.
 */
public final class TableSource implements BatchSource {
    private final List<CsvSource> files = new ArrayList<>();
    private final String[] names;
    private final boolean[] active;
    private final WatermarkMerger watermark;
    private final int eventTimeColumn;
    private int next;
    private int activeCount;

    /**
     * @param paths             the files
     * @param names             the files' names for messages
     * @param idleTimeoutMillis event time an ended file is waited for (see {@link WatermarkMerger})
     */
    public TableSource(final List<Path> paths, final List<String> names, final Schema schema,
                       final StringDictionary dictionary, final int eventTimeColumn, final long delayMillis,
                       final long idleTimeoutMillis, final BadRowPolicy policy, final RejectedRows rejects) {
        this.watermark = new WatermarkMerger(paths.size(), delayMillis, idleTimeoutMillis);
        this.eventTimeColumn = eventTimeColumn;
        this.names = names.toArray(String[]::new);
        this.active = new boolean[paths.size()];
        try {
            for (int f = 0; f < paths.size(); f++) {
                files.add(new CsvSource(paths.get(f), names.get(f), f, schema, dictionary, eventTimeColumn, watermark,
                    policy, rejects));
                active[f] = true;
            }
        } catch (final RuntimeException e) {
            close();
            throw e;
        }
        activeCount = files.size();
    }

    @Override
    public boolean next(final ColumnBatch batch) {
        batch.reset();
        batch.sourceNames(names);
        while (!batch.isFull() && activeCount > 0) {
            if (active[next] && !files.get(next).readRow(batch)) {
                active[next] = false;
                activeCount--;
            }
            next = (next + 1) % active.length;
        }
        batch.watermarkAfter(watermark());
        return batch.rowCount() > 0;
    }

    /** The table's watermark after the rows read so far. */
    public long watermark() {
        return eventTimeColumn < 0 ? ColumnBatch.NO_WATERMARK : watermark.current();
    }

    @Override
    public long maxEventTime() {
        return watermark.maxEventTime();
    }

    @Override
    public long rowsRead() {
        long n = 0;
        for (final CsvSource f : files) {
            n += f.rowsRead();
        }
        return n;
    }

    @Override
    public long rowsRejected() {
        long n = 0;
        for (final CsvSource f : files) {
            n += f.rowsRejected();
        }
        return n;
    }

    @Override
    public void close() {
        for (final CsvSource f : files) {
            f.close();
        }
    }
}
