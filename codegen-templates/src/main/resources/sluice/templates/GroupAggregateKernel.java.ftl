<#import "common.ftl" as common>
<#import "aggregates.ftl" as agg>
<#import "simd.ftl" as simdt>
<#import "fused.ftl" as fusedt>
<#-- One passing row into its group: key, accumulators, dirty mark. -->
<#macro rowUpdate hashed="">
<#if denseKey??>
${keyCode}<#t>
                final long dk = ${denseKey.word};
                int e = dk >= 0L && dk < direct.length ? direct[(int) dk] - 1 : -1;
                if (e < 0) {
                    // one key word: no scratch key, one comparison per probe
                    final long h = <#if hashed != "">${hashed?replace("key[0]", "dk")}<#else>SqlFunctions.hash(SqlFunctions.HASH_SEED, dk)</#if>;
                    e = groups.findOrInsert1(dk, h);
                    remember(dk, e);
                }
<#else>
<@common.writeKey "groups" hashed/>
                final int e = groups.findOrInsert(h);
</#if>
                final UnsafeBuffer buf = groups.buffer();
                final int acc = groups.accumulatorOffset(e);
                final long at = buf.addressOffset() + acc; // the accumulators' address: updated without bounds checks
<@agg.updateAllAt/>
<#if changelog>
                final long flags = buf.getLong(acc + FLAGS);
                if ((flags & DIRTY) == 0L) {
                    buf.putLong(acc + FLAGS, flags | DIRTY);
                    dirty.addInt(e);
                }
</#if>
</#macro>
package ${package};

<@common.imports/>
<@simdt.imports/>

<@common.header/>
public final class ${className} extends KernelBase {
<@common.outputSchema/>

<#if changelog>
    /** Entry layout after the key: accumulators, their copy as last emitted, flags. */
    private static final int ACC_BYTES = ${accBytes};
    private static final int SNAPSHOT = ACC_BYTES;
    private static final int FLAGS = 2 * ACC_BYTES;
    private static final int ENTRY_BYTES = 2 * ACC_BYTES + 8;
    /** The group changed in the current batch and is in {@link #dirty}. */
    private static final long DIRTY = 1L;
    /** The group's result row was last emitted as present (+I or +U). */
    private static final long EMITTED = 2L;
<#else>
    /** Entry layout after the key: the accumulators (EMIT FINAL: the table is emitted once, at the end). */
    private static final int ACC_BYTES = ${accBytes};
    private static final int ENTRY_BYTES = ACC_BYTES;
</#if>

    private final GroupTable groups;
<#if changelog>
    private final IntArrayList dirty = new IntArrayList();
    private final ResultRow before = new ResultRow(OUTPUT);
    private final ResultRow after = new ResultRow(OUTPUT);
<#else>
    private final ResultRow row = new ResultRow(OUTPUT);
</#if>
<@simdt.kernelFields/>
<@fusedt.fields/>

<#if denseKey??>
    /** Keys in [0, DIRECT_LIMIT) are looked up in {@link #direct}, without hashing. */
    private static final int DIRECT_LIMIT = 1 << 20;
    /**
     * Entry + 1 of each small non-negative key seen (0: not yet): the group key is one NOT NULL
     * integer column or dictionary code, usually dense, so an array index replaces hash and probe.
     * Entries are never removed, so the array only grows (to at most DIRECT_LIMIT ints).
     */
    private int[] direct = new int[0];

</#if>
    public ${className}(final KernelContext context) {
        super(context);
        groups = new GroupTable(${keyWords}, ENTRY_BYTES, 1024, budget);
<@simdt.kernelInit/>
    }

    /** Folds each passing row into its group, then emits the changes of the groups the batch touched. */
    @Override
    public void process(final ColumnBatch batch, final ResultSink out) {
        final int n = batch.rowCount();
<#if fused??>
        if (fusedBatch(batch, n)) {
<#if changelog>
            emitChanges(out);
</#if>
            return;
        }
</#if>
<#if simd?? && simd.rowLoop>
        if (simd) {
            processSimd(batch, n);
<#if changelog>
            emitChanges(out);
</#if>
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
<#if changelog>
        emitChanges(out);
</#if>
    }
<#if simd?? && simd.rowLoop>

    /**
     * The SIMD twin: <#if simd.filter??>WHERE in lanes into a selection<#else>every row (WHERE row by row)</#if><#if simd.hashKey??>, the key's hashes in lanes</#if>, then
     * the rows into their groups.
     */
    private void processSimd(final ColumnBatch batch, final int n) {
<#if simd.filter??>
        final int m = ${className}_Simd.select(batch, n, selection(batch));
        filteredRows += n - m;
<#else>
        final int m = n;
</#if>
<#if simd.hashKey??>
        // keys an index of direct finds need no hash: hash in lanes only when some key is out of its range
        final boolean hashed = !${className}_Simd.keysBelow(batch, n, DIRECT_LIMIT);
        final long[] hashes = hashes(batch);
        if (hashed) {
            ${className}_Simd.hashes(batch, n, hashes);
        }
</#if>
<@common.columnVectors/>
        int i = 0;
        try {
            for (int s = 0; s < m; s++) {
                i = <#if simd.filter??>sel[s]<#else>s</#if>;
<@common.readRow/>
<#if !simd.filter??>
<@common.applyFilter/>
</#if>
<@rowUpdate (simd.hashKey??)?then("hashed ? hashes[i] : SqlFunctions.hash(SqlFunctions.HASH_SEED, key[0])", "")/>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
    }
</#if>
<@fusedt.methods/>

<#if changelog>
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
</#if>

<#if denseKey??>
    /** Records entry e for key dk in {@link #direct} when dk is small, growing the array (charged to the budget). */
    private void remember(final long dk, final int e) {
        if (dk < 0L || dk >= DIRECT_LIMIT) {
            return;
        }
        if (dk >= direct.length) {
            final int size = (int) Math.min(DIRECT_LIMIT, Math.max(1024L, Long.highestOneBit(dk) << 1));
            budget.reserve(4L * (size - direct.length));
            direct = java.util.Arrays.copyOf(direct, size);
        }
        direct[(int) dk] = e + 1;
    }

</#if>
    /** The result row of group e from the accumulators at acc. */
    private boolean fill(final ResultRow row, final GroupTable groups, final int e, final int acc) {
        final UnsafeBuffer buf = groups.buffer();
<@common.resultBody/>
    }

    /** A continuous aggregation emits per batch (or, EMIT FINAL, at the end); event time fires nothing. */
    @Override
    public void advanceWatermark(final long watermark, final ResultSink out) {
    }

    @Override
    public void finish(final ResultSink out) {
<#if !changelog>
        // EMIT FINAL: the input ended; one row per group (those HAVING keeps)
        try {
            for (int e = 0; e < groups.size(); e++) {
                if (fill(row, groups, e, groups.accumulatorOffset(e))) {
                    out.accept(row);
                }
            }
        } catch (final ExpressionException ex) {
            throw resultError(ex);
        }
</#if>
    }

    @Override
    public void close() {
<#if denseKey??>
        budget.release(4L * direct.length);
</#if>
        groups.close();
    }
}
<@simdt.simdClass>
<@fusedt.simdMethod/>
</@simdt.simdClass>
