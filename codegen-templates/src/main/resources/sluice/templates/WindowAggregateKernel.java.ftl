<#import "common.ftl" as common>
<#import "aggregates.ftl" as agg>
package ${package};

<@common.imports/>

<@common.header/>
public final class ${className} extends KernelBase {
<@common.outputSchema/>

    private static final long SIZE = ${window.size}L;
    private static final int ACC_BYTES = ${accBytes};

    private final OpenWindows windows;
    private final ResultRow row = new ResultRow(OUTPUT);

    public ${className}(final KernelContext context) {
        super(context);
        windows = new OpenWindows(${keyWords}, ACC_BYTES, budget);
    }

    /**
     * Folds each passing row into its window and group. A row whose window ended at or before the
     * watermark in force before it is late: counted and dropped.
     */
    @Override
    public void process(final ColumnBatch batch, final ResultSink out) {
        final int n = batch.rowCount();
<@common.columnVectors/>
        int i = 0;
        try {
            for (; i < n; i++) {
<@common.readRow/>
<@common.applyFilter/>
                if (window_end <= batch.watermarkBefore(i)) {
                    lateRows++;
                    continue;
                }
                final GroupTable groups = windows.table(window_start);
<@common.writeKey "groups"/>
                final int e = groups.findOrInsert(h);
                final UnsafeBuffer buf = groups.buffer();
                final int acc = groups.accumulatorOffset(e);
<#list aggs as a>
<@agg.update a/>
</#list>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
    }

    /** Fires, oldest first, every window whose end the watermark has reached. */
    @Override
    public void advanceWatermark(final long watermark, final ResultSink out) {
        while (!windows.isEmpty() && windows.oldestStart() + SIZE <= watermark) {
            fireOldest(out);
        }
    }

    /** End of input: every open window fires. */
    @Override
    public void finish(final ResultSink out) {
        while (!windows.isEmpty()) {
            fireOldest(out);
        }
    }

    /** Emits one row per group of the oldest window (those HAVING keeps), then frees its state. */
    private void fireOldest(final ResultSink out) {
        final GroupTable groups = windows.oldest();
        final long start = windows.oldestStart();
        try {
            for (int e = 0; e < groups.size(); e++) {
                if (fill(row, groups, e, groups.accumulatorOffset(e), start)) {
                    out.accept(row);
                }
            }
        } catch (final ExpressionException ex) {
            throw resultError(ex);
        }
        windows.releaseOldest();
    }

    private boolean fill(final ResultRow row, final GroupTable groups, final int e, final int acc, final long start) {
        final UnsafeBuffer buf = groups.buffer();
        final long window_start = start;
        final long window_end = start + SIZE;
<@common.resultBody/>
    }

    @Override
    public void close() {
        windows.close();
    }
}
