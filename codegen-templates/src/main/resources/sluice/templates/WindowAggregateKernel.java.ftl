<#import "common.ftl" as common>
<#import "aggregates.ftl" as agg>
<#-- The windows of event time t, newest end first for HOP: runs the nested body once per window
     [ws, we) that is still open for this row (we + LATENESS > wm). -->
<#macro eachWindow>
<#switch window.kind>
<#case "TUMBLE">
                {
                    final long ws = tumbleStart(t);
                    final long we = ws + SIZE;
<#nested>
                }
<#break>
<#case "HOP">
                for (long ws = HoppingWindows.lastStart(t, SLIDE, OFFSET); HoppingWindows.contains(ws, t, SIZE); ws -= SLIDE) {
                    final long we = ws + SIZE;
                    if (we + LATENESS <= wm) {
                        break; // this window and the older ones have closed for this row
                    }
<#nested>
                }
<#break>
<#case "CUMULATE">
                final long ws = CumulativeWindows.start(t, SIZE, OFFSET);
                for (long we = CumulativeWindows.firstEnd(t, ws, STEP); we <= ws + SIZE; we += STEP) {
                    if (we + LATENESS <= wm) {
                        continue; // closed for this row; a larger one of the same start may not be
                    }
<#nested>
                }
<#break>
</#switch>
</#macro>
<#-- The row's group key: one word as the local key0 (no scratch key, no hash for a small one), else the scratch key and its hash h. -->
<#macro rowKey>
<#if keyWords == 1 && nullWord lt 0>
${keyCode}<#t>
                final long key0 = ${keys[0].wordExpr}; // one key word: no scratch key, no hash for a small one
<#else>
<@common.writeKey "windows"/>
</#if>
</#macro>
<#-- The row into its group of the window table "groups": entry e, accumulators at address "at" (offset acc in buf). -->
<#macro foldIntoGroup indent="">
${indent}                final int e = <#if keyWords == 1 && nullWord lt 0>groups.findOrInsertSmall(key0)<#else>groups.findOrInsert(key, h)</#if>;
${indent}                final UnsafeBuffer buf = groups.buffer();
${indent}                final int acc = accumulatorOffset(e);
${indent}                final long at = buf.addressOffset() + acc; // the accumulators' address: updated without bounds checks
<@agg.updateAllAt indent/>
</#macro>
<#-- End of the last window (largest end) event time t belongs to. -->
<#function lastEnd t>
<#switch window.kind>
<#case "TUMBLE"><#return "tumbleStart(" + t + ") + SIZE">
<#case "HOP"><#return "HoppingWindows.lastStart(" + t + ", SLIDE, OFFSET) + SIZE">
<#case "CUMULATE"><#return "CumulativeWindows.start(" + t + ", SIZE, OFFSET) + SIZE">
</#switch>
</#function>
package ${package};

<@common.imports/>

<@common.header/>
public final class ${className} extends KernelBase {
<@common.outputSchema/>

    /** ${window.kind} window<#if window.kind == "HOP">: slide ${window.slide} ms<#elseif window.kind == "CUMULATE">: step ${window.slide} ms</#if>, size ${window.size} ms, offset ${window.offset} ms. */
    private static final long SIZE = ${window.size}L;
<#if window.kind == "HOP">
    private static final long SLIDE = ${window.slide}L;
<#elseif window.kind == "CUMULATE">
    private static final long STEP = ${window.slide}L;
</#if>
    private static final long OFFSET = ${window.offset}L;
    /**
     * Late-data policy ${late.kind}, compiled from the table's options: a window takes rows until
     * the watermark passes its end + LATENESS; its state is freed then.
     */
    private static final long LATENESS = ${late.lateness}L;
    private static final int ACC_BYTES = ${accBytes};
<#if changelog>
    /** Entry layout after the key: accumulators, their copy as last emitted, flags, window bounds. */
    private static final int SNAPSHOT = ACC_BYTES;
    private static final int FLAGS = 2 * ACC_BYTES;
    private static final int BOUNDS = FLAGS + 8;
    /** The group changed in the current batch and is in {@link #dirty}. */
    private static final long DIRTY = 1L;
    /** The group's result row was last emitted as present (+I or +U). */
    private static final long EMITTED = 2L;
</#if>
    /** Bytes after the key of an entry of a window's group table. */
    private static final int TABLE_BYTES = <#if changelog>BOUNDS + 16<#else>ACC_BYTES</#if>;
<@common.entryLayout "TABLE_BYTES"/>

    private final OpenWindows windows;
<#if changelog>
    private final DirtyEntries dirty = new DirtyEntries();
    private final ResultRow before = new ResultRow(OUTPUT);
    private final ResultRow after = new ResultRow(OUTPUT);
<#else>
    private final ResultRow row = new ResultRow(OUTPUT);
</#if>
<#if window.kind == "TUMBLE">
    /** The window the last row fell in, [windowFrom, windowTo): rows in order mostly share it. */
    private long windowFrom = 1L;
    private long windowTo = 0L;
    /** The table of the window starting at windowTableStart (null: none kept; reset when a window is freed). */
    private GroupTable windowTable;
    private long windowTableStart;

</#if>
    /** Windows ending at or before this have fired. */
    private long firedUpTo = Long.MIN_VALUE;

    public ${className}(final KernelContext context) {
        super(context);
        windows = new OpenWindows(${keyWords}, TABLE_BYTES, budget);
    }

    /**
     * Folds each passing row into its windows and group. A row whose last window ended at or before
     * the watermark in force before it (minus the allowed lateness) is late: counted, then
     * <#switch late.kind><#case "SIDE_OUTPUT">handed to the late-row sink and dropped<#break><#case "NEXT_WINDOW">counted in the windows of the watermark instead<#break><#default>dropped</#switch>.
     * Windows of a row that have closed for it are skipped.
     */
    @Override
    public void process(final ColumnBatch batch, final ResultSink out) {
        final int n = batch.rowCount();
<#if oneWindowPath>
        final int from = foldInWindow(batch, n);
        if (from == n) {
            return;
        }
</#if>
<@common.columnVectors/>
        final long wm_at = batch.watermarksAddress();
        int i = <#if oneWindowPath>from<#else>0</#if>;
        try {
            for (; i < n; i++) {
<@common.readRow/>
<@common.applyFilter/>
                final long wm = UnsafeApi.getLong(wm_at + ((long) i << 3)); // batch.watermarkBefore(i)
                long t = ${window.timeVar};
                if (${lastEnd("t")} + LATENESS <= wm) {
                    lateRows++;
<#if late.kind == "SIDE_OUTPUT">
                    sideOutput(batch, i, ${lastEnd("t")}, wm);
</#if>
<#if late.kind == "NEXT_WINDOW">
                    t = wm; // the oldest windows still open: those containing the watermark
<#else>
                    continue;
</#if>
                }
<@rowKey/>
<@eachWindow>
                    final GroupTable groups = <#if window.kind == "TUMBLE">tumbleTable(ws)<#else>windows.table(ws, we)</#if>;
<@foldIntoGroup "    "/>
<#if changelog>
                    if (groups.inserted()) {
                        buf.putLong(acc + BOUNDS, ws);
                        buf.putLong(acc + BOUNDS + 8, we);
                    }
<#if emitChanges>
                    touched(groups, e, buf, acc);
<#else>
                    if (we <= firedUpTo) {
                        touched(groups, e, buf, acc); // a late update of a fired window
                    }
</#if>
</#if>
</@eachWindow>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
<#if changelog>
        emitChanges(out);
</#if>
    }
<#if oneWindowPath>

    /**
     * Folds the batch's rows from the first while they fall in the first row's window and are not
     * late, and returns the index of the first row that does not (n when all do); the row loop
     * goes on from there. In order, with windows much longer than a batch, most batches are folded
     * here whole: one window table, no window start or lateness test per row beyond two compares
     * with the window's bounds and one with the watermark. Row for row the same as the row loop:
     * a row of [ws, we) is late when ws + SIZE + LATENESS <= the watermark before it.
     */
    private int foldInWindow(final ColumnBatch batch, final int n) {
        if (n == 0) {
            return 0;
        }
        final long ws = tumbleStart(batch.column(${window.timeColumn}).getLong(0));
        if (windowTo == Long.MAX_VALUE) {
            return 0; // the last window of time, whose end is past Long.MAX_VALUE: the row loop
        }
        final long we = windowTo;
        final long lateFrom = ws + SIZE + LATENESS;
        final GroupTable groups = tumbleTable(ws);
<@common.columnVectors/>
        final long wm_at = batch.watermarksAddress();
        int i = 0;
        try {
            for (; i < n; i++) {
<@common.readRow/>
                if (${window.timeVar} < ws || ${window.timeVar} >= we || lateFrom <= UnsafeApi.getLong(wm_at + ((long) i << 3))) {
                    break; // another window, or a late row
                }
<@common.applyFilter/>
<@rowKey/>
<@foldIntoGroup/>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
        return i;
    }
</#if>
<#if changelog>

    /** Puts entry e in the dirty list once per batch. */
    private void touched(final GroupTable groups, final int e, final UnsafeBuffer buf, final int acc) {
        final long flags = buf.getLong(acc + FLAGS);
        if ((flags & DIRTY) == 0L) {
            buf.putLong(acc + FLAGS, flags | DIRTY);
            dirty.add(groups, e);
        }
    }

    /**
     * For each changed group of a window: +I when its row appears, -U/+U when it changes, -D when
     * HAVING drops it; nothing when the row is unchanged.
     */
    private void emitChanges(final ResultSink out) {
        try {
            for (int d = 0; d < dirty.size(); d++) {
                final GroupTable groups = dirty.table(d);
                final int e = dirty.entry(d);
                final int acc = accumulatorOffset(e);
                final UnsafeBuffer buf = groups.buffer();
                final long flags = buf.getLong(acc + FLAGS);
                final long start = buf.getLong(acc + BOUNDS);
                final long end = buf.getLong(acc + BOUNDS + 8);
                final boolean wasPresent = (flags & EMITTED) != 0L && fill(before, groups, e, acc + SNAPSHOT, start, end);
                final boolean present = fill(after, groups, e, acc, start, end);
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

    /**
     * Event time reached {@code watermark}: windows ending at or before it fire, oldest first<#if emitChanges> (their
     * changes are already out: their changelog ends)</#if>; windows whose end + LATENESS it reached are freed.
     */
    @Override
    public void advanceWatermark(final long watermark, final ResultSink out) {
<#if !emitChanges>
        for (int k = 0; k < windows.size() && windows.endAt(k) <= watermark; k++) {
            if (windows.endAt(k) > firedUpTo) {
                fire(k, out);
            }
        }
</#if>
        if (watermark > firedUpTo) {
            firedUpTo = watermark;
        }
        while (!windows.isEmpty() && windows.oldestEnd() + LATENESS <= watermark) {
            windows.releaseOldest();
<#if window.kind == "TUMBLE">
            windowTable = null; // it may be the one released (cleared and pooled for another window)
</#if>
        }
    }

<#if window.kind == "TUMBLE">
    /** TumblingWindows.start(t, SIZE, OFFSET), without its division when t is in the last row's window. */
    private long tumbleStart(final long t) {
        if (t >= windowFrom && t < windowTo) {
            return windowFrom;
        }
        final long start = TumblingWindows.start(t, SIZE, OFFSET);
        windowFrom = start;
        windowTo = start + SIZE > start ? start + SIZE : Long.MAX_VALUE; // the last window ends at the end of time
        return start;
    }

    /** The table of the window starting at ws, kept from the last row while rows fall in the same window. */
    private GroupTable tumbleTable(final long ws) {
        if (windowTable == null || ws != windowTableStart) {
            windowTable = windows.table(ws, ws + SIZE);
            windowTableStart = ws;
        }
        return windowTable;
    }

</#if>
    /** End of input: the watermark goes to +infinity, every window fires and is freed. */
    @Override
    public void finish(final ResultSink out) {
        advanceWatermark(Long.MAX_VALUE, out);
    }
<#if !emitChanges>

    /** Emits one row per group of window k (those HAVING keeps)<#if changelog> as +I, and remembers it for late updates</#if>. */
    private void fire(final int k, final ResultSink out) {
        final GroupTable groups = windows.tableAt(k);
        final long start = windows.startAt(k);
        final long end = windows.endAt(k);
        try {
            for (int e = 0; e < groups.size(); e++) {
                final int acc = accumulatorOffset(e);
<#if changelog>
                final boolean present = fill(after, groups, e, acc, start, end);
                if (present) {
                    out.accept(after.kind(RowKind.INSERT));
                }
                final UnsafeBuffer buf = groups.buffer();
                buf.putBytes(acc + SNAPSHOT, buf, acc, ACC_BYTES);
                buf.putLong(acc + FLAGS, present ? EMITTED : 0L);
<#else>
                if (fill(row, groups, e, acc, start, end)) {
                    out.accept(row);
                }
</#if>
            }
        } catch (final ExpressionException ex) {
            throw resultError(ex);
        }
    }
</#if>

    /** The result row of group e of window [start, end) from the accumulators at acc; false when HAVING rejects it. */
    private boolean fill(final ResultRow row, final GroupTable groups, final int e, final int acc, final long start,
                         final long end) {
        final UnsafeBuffer buf = groups.buffer();
        final long window_start = start;
        final long window_end = end;
<@common.resultBody/>
    }

    @Override
    public void close() {
        windows.close();
    }
}
