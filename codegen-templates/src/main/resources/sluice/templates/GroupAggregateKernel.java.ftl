<#import "common.ftl" as common>
<#import "aggregates.ftl" as agg>
<#import "simd.ftl" as simdt>
<#import "fused.ftl" as fusedt>
<#-- One passing row into its group: key, accumulators, dirty mark. -->
<#macro rowUpdate hashed="">
<@common.writeKey "groups" hashed/>
                final int e = groups.findOrInsert(h);
                final UnsafeBuffer buf = groups.buffer();
                final int acc = groups.accumulatorOffset(e);
<#list aggs as a>
<@agg.update a/>
</#list>
                final long flags = buf.getLong(acc + FLAGS);
                if ((flags & DIRTY) == 0L) {
                    buf.putLong(acc + FLAGS, flags | DIRTY);
                    dirty.addInt(e);
                }
</#macro>
package ${package};

<@common.imports/>
<@simdt.imports/>

<@common.header/>
public final class ${className} extends KernelBase {
<@common.outputSchema/>

    /** Entry layout after the key: accumulators, their copy as last emitted, flags. */
    private static final int ACC_BYTES = ${accBytes};
    private static final int SNAPSHOT = ACC_BYTES;
    private static final int FLAGS = 2 * ACC_BYTES;
    /** The group changed in the current batch and is in {@link #dirty}. */
    private static final long DIRTY = 1L;
    /** The group's result row was last emitted as present (+I or +U). */
    private static final long EMITTED = 2L;

    private final GroupTable groups;
    private final IntArrayList dirty = new IntArrayList();
    private final ResultRow before = new ResultRow(OUTPUT);
    private final ResultRow after = new ResultRow(OUTPUT);
<@simdt.kernelFields/>
<@fusedt.fields/>

    public ${className}(final KernelContext context) {
        super(context);
        groups = new GroupTable(${keyWords}, 2 * ACC_BYTES + 8, 1024, budget);
<@simdt.kernelInit/>
    }

    /** Folds each passing row into its group, then emits the changes of the groups the batch touched. */
    @Override
    public void process(final ColumnBatch batch, final ResultSink out) {
        final int n = batch.rowCount();
<#if fused??>
        if (fusedBatch(batch, n)) {
            emitChanges(out);
            return;
        }
</#if>
<#if simd?? && simd.rowLoop>
        if (simd) {
            processSimd(batch, n);
            emitChanges(out);
            return;
        }
</#if>
<@common.columnVectors/>
        int i = 0;
        try {
            for (; i < n; i++) {
<@common.readRow/>
<@common.applyFilter/>
<@rowUpdate/>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
        emitChanges(out);
    }
<#if simd?? && simd.rowLoop>

    /**
     * The SIMD twin: <#if simd.filter??>WHERE in lanes into a selection<#else>every row</#if><#if simd.hashKey??>, the key's hashes in lanes</#if>, then
     * the rows into their groups.
     */
    private void processSimd(final ColumnBatch batch, final int n) {
<#if simd.filter??>
        final int m = Simd.select(batch, n, selection(batch));
        filteredRows += n - m;
<#else>
        final int m = n;
</#if>
<#if simd.hashKey??>
        final long[] hashes = hashes(batch);
        Simd.hashes(batch, n, hashes);
</#if>
<@common.columnVectors/>
        int i = 0;
        try {
            for (int s = 0; s < m; s++) {
                i = <#if simd.filter??>sel[s]<#else>s</#if>;
<@common.readRow/>
<@rowUpdate (simd.hashKey??)?then("hashes[i]", "")/>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
    }
</#if>
<@fusedt.methods/>

    /**
     * For each changed group: +I when its row appears, -U/+U when it changes, -D when HAVING drops
     * it; nothing when the row is unchanged.
     */
    private void emitChanges(final ResultSink out) {
        try {
            for (int d = 0; d < dirty.size(); d++) {
                final int e = dirty.getInt(d);
                final int acc = groups.accumulatorOffset(e);
                final long flags = groups.buffer().getLong(acc + FLAGS);
                final boolean wasPresent = (flags & EMITTED) != 0L && fill(before, groups, e, acc + SNAPSHOT);
                final boolean present = fill(after, groups, e, acc);
                if (wasPresent && present) {
                    if (!before.sameValues(after)) {
                        out.accept(before.kind(RowKind.UPDATE_BEFORE));
                        out.accept(after.kind(RowKind.UPDATE_AFTER));
                    }
                } else if (present) {
                    out.accept(after.kind(RowKind.INSERT));
                } else if (wasPresent) {
                    out.accept(before.kind(RowKind.DELETE));
                }
                final UnsafeBuffer buf = groups.buffer();
                buf.putBytes(acc + SNAPSHOT, buf, acc, ACC_BYTES);
                buf.putLong(acc + FLAGS, present ? EMITTED : 0L);
            }
        } catch (final ExpressionException ex) {
            throw resultError(ex);
        } finally {
            dirty.clear();
        }
    }

    /** The result row of group e from the accumulators at acc. */
    private boolean fill(final ResultRow row, final GroupTable groups, final int e, final int acc) {
        final UnsafeBuffer buf = groups.buffer();
<@common.resultBody/>
    }

    /** A continuous aggregation emits per batch; event time fires nothing. */
    @Override
    public void advanceWatermark(final long watermark, final ResultSink out) {
    }

    @Override
    public void finish(final ResultSink out) {
    }

    @Override
    public void close() {
        groups.close();
    }
<@simdt.simdClass>
<@fusedt.simdMethod/>
</@simdt.simdClass>
}
