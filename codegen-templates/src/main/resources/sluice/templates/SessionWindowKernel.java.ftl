<#import "common.ftl" as common>
<#import "aggregates.ftl" as agg>
package ${package};

<@common.imports/>

<@common.header/>
public final class ${className} extends KernelBase {
<@common.outputSchema/>

    /** SESSION gap: a session is [first row, last row + GAP); rows of a key GAP or less apart share one. */
    private static final long GAP = ${window.size}L;
    /**
     * Late-data policy ${late.kind}, compiled from the table's options: a session takes rows until
     * the watermark passes its end + LATENESS; its state is freed then.
     */
    private static final long LATENESS = ${late.lateness}L;
    private static final int ACC_BYTES = ${accBytes};
<#if changelog>
    /** Session slot layout: accumulators, then their copy as last emitted. */
    private static final int SNAPSHOT = ACC_BYTES;
</#if>

    private final SessionWindows sessions;
<#if changelog>
    /** Sessions changed (or merged away) in the current batch, flagged DIRTY. */
    private final IntArrayList dirty = new IntArrayList();
    private final ResultRow before = new ResultRow(OUTPUT);
    private final ResultRow after = new ResultRow(OUTPUT);
<#else>
    private final ResultRow row = new ResultRow(OUTPUT);
</#if>
    /** Sessions ending at or before this have fired. */
    private long firedUpTo = Long.MIN_VALUE;

    public ${className}(final KernelContext context) {
        super(context);
        sessions = new SessionWindows(${keyWords}, <#if changelog>2 * ACC_BYTES<#else>ACC_BYTES</#if>, budget);
    }

    /**
     * Folds each passing row into the session of its key that it falls in, opening one or merging
     * the sessions it bridges. A row that falls in no open session and whose own session [ts, ts +
     * GAP) ended at or before the watermark in force before it (minus the allowed lateness) is late:
     * counted, then <#switch late.kind><#case "SIDE_OUTPUT">handed to the late-row sink and dropped<#break><#case "NEXT_WINDOW">counted as if it had the watermark's time<#break><#default>dropped</#switch>.
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
                final long wm = batch.watermarkBefore(i);
                final long t = ${window.timeVar};
<@common.writeKey "sessions.keys()"/>
                final int ke = sessions.keyEntry(h);
                int s = assign(ke, t, wm);
                if (s < 0) {
                    lateRows++;
<#if late.kind == "SIDE_OUTPUT">
                    sideOutput(batch, i, t + GAP, wm);
</#if>
<#if late.kind == "NEXT_WINDOW">
                    s = assign(ke, wm, wm); // the session the row would open at the watermark's time
<#else>
                    continue;
</#if>
                }
                final UnsafeBuffer buf = sessions.buffer();
                final int acc = sessions.accumulatorOffset(s);
<#list aggs as a>
<@agg.update a/>
</#list>
<#if changelog>
                changed(s);
</#if>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
<#if changelog>
        emitChanges(out);
</#if>
    }

    /**
     * The session of key entry ke that a row at time t belongs to: the sessions still open (end +
     * LATENESS > wm) that [t, t + GAP] touches are merged into the earliest of them, widened to cover
     * the row; with none, a new session [t, t + GAP) opens, unless that one has already closed
     * (late: -1).
     */
    private int assign(final int ke, final long t, final long wm) {
        int target = -1;
        long start = t;
        long end = t + GAP;
        for (int s = sessions.head(ke); s >= 0; s = sessions.next(s)) {
            if (sessions.end(s) + LATENESS > wm && sessions.start(s) <= t + GAP && sessions.end(s) >= t) {
                if (target < 0 || sessions.start(s) < sessions.start(target)) {
                    target = s;
                }
                start = Math.min(start, sessions.start(s));
                end = Math.max(end, sessions.end(s));
            }
        }
        if (target < 0) {
            if (end + LATENESS <= wm) {
                return -1;
            }
            final int s = sessions.open(ke, start, end);
<#if !emitChanges>
            if (end <= firedUpTo) {
                // a late row within the allowed lateness opens a session that has already ended
                sessions.flags(s, SessionWindows.FIRED);
            }
</#if>
            sessions.schedule(s, deadline(s));
            return s;
        }
        for (int s = sessions.head(ke); s >= 0;) {
            final int next = sessions.next(s);
            if (s != target && sessions.end(s) + LATENESS > wm && sessions.start(s) <= t + GAP && sessions.end(s) >= t) {
                merge(target, s);
            }
            s = next;
        }
        if (start != sessions.start(target) || end != sessions.end(target)) {
            sessions.extend(target, start, end);
<#if !emitChanges>
            if (end > firedUpTo && (sessions.flags(target) & SessionWindows.FIRED) != 0) {
                // widened past the watermark: open again, it fires anew at its new end
                sessions.flags(target, sessions.flags(target) & ~SessionWindows.FIRED);
            }
</#if>
            if (deadline(target) < sessions.scheduledTime(target)) {
                sessions.schedule(target, deadline(target)); // a later deadline is taken up when the entry comes due
            }
        }
        return target;
    }

    /** When session s next needs looking at: <#if emitChanges>its end + LATENESS (it is freed)<#else>its end (it fires), once fired its end + LATENESS (it is freed)</#if>. */
    private long deadline(final int s) {
<#if emitChanges>
        return sessions.end(s) + LATENESS;
<#else>
        return (sessions.flags(s) & SessionWindows.FIRED) != 0 ? sessions.end(s) + LATENESS : sessions.end(s);
</#if>
    }

    /** Folds session from0 into session into: accumulators merged, from0 retired. */
    private void merge(final int into, final int from0) {
        final UnsafeBuffer buf = sessions.buffer();
        final int acc = sessions.accumulatorOffset(into);
        final int from = sessions.accumulatorOffset(from0);
<#list aggs as a>
<@agg.merge a/>
</#list>
<#if changelog>
        if ((sessions.flags(from0) & (SessionWindows.DIRTY | SessionWindows.EMITTED)) != 0) {
            // its emitted row is retracted (or its dirty entry dropped) at the end of the batch
            sessions.unlink(from0);
            changed(from0);
            changed(into);
            return;
        }
        changed(into);
</#if>
        sessions.free(from0);
    }
<#if changelog>

    /** Puts session s in the dirty list once per batch, if its changes are to be emitted. */
    private void changed(final int s) {
        final int flags = sessions.flags(s);
<#if !emitChanges>
        if ((flags & (SessionWindows.FIRED | SessionWindows.EMITTED | SessionWindows.DEAD)) == 0) {
            return; // not emitted yet: it fires with the row
        }
</#if>
        if ((flags & SessionWindows.DIRTY) == 0) {
            sessions.flags(s, flags | SessionWindows.DIRTY);
            dirty.addInt(s);
        }
    }

    /**
     * For each changed session: +I when its row appears, -U/+U when it changes (its bounds
     * included), -D when HAVING drops it, it merged into another or (emit final) it widened past the
     * watermark and will fire again; nothing when the row is unchanged.
     */
    private void emitChanges(final ResultSink out) {
        try {
            for (int d = 0; d < dirty.size(); d++) {
                final int s = dirty.getInt(d);
                final int flags = sessions.flags(s);
                final int acc = sessions.accumulatorOffset(s);
                final boolean wasPresent = (flags & SessionWindows.EMITTED) != 0
                    && fill(before, s, acc + SNAPSHOT, sessions.emittedStart(s), sessions.emittedEnd(s));
                if ((flags & SessionWindows.DEAD) != 0) {
                    if (wasPresent) {
                        out.accept(before.kind(RowKind.DELETE));
                    }
                    sessions.free(s);
                    continue;
                }
                final boolean present = <#if !emitChanges>(flags & SessionWindows.FIRED) != 0 && </#if>fill(after, s, acc, sessions.start(s), sessions.end(s));
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
                snapshot(s, present);
            }
        } catch (final ExpressionException ex) {
            throw resultError(ex);
        } finally {
            dirty.clear();
        }
    }

    /** Records session s's accumulators and bounds as emitted (present or not); clears DIRTY. */
    private void snapshot(final int s, final boolean present) {
        final UnsafeBuffer buf = sessions.buffer();
        final int acc = sessions.accumulatorOffset(s);
        buf.putBytes(acc + SNAPSHOT, buf, acc, ACC_BYTES);
        sessions.snapshotBounds(s);
        sessions.flags(s, (sessions.flags(s) & SessionWindows.FIRED) | (present ? SessionWindows.EMITTED : 0));
    }
</#if>

    /**
     * Event time reached {@code watermark}: sessions whose deadline it reached, in deadline order,
     * <#if emitChanges>are freed (their changelog has ended)<#else>fire (one row per session, those HAVING keeps) or, once past their end + LATENESS, are freed</#if>.
     */
    @Override
    public void advanceWatermark(final long watermark, final ResultSink out) {
        while (sessions.hasDue(watermark)) {
            final long time = sessions.dueTime();
            final int s = sessions.popDue();
            if (!sessions.isLive(s) || (sessions.flags(s) & SessionWindows.DEAD) != 0
                || sessions.scheduledTime(s) != time) {
                continue; // a stale entry: the session was rescheduled, merged or freed since
            }
            if (deadline(s) > time) {
                sessions.schedule(s, deadline(s)); // it grew since it was scheduled
                continue;
            }
<#if !emitChanges>
            if ((sessions.flags(s) & SessionWindows.FIRED) == 0) {
                fire(s, out);
                continue;
            }
</#if>
            sessions.free(s);
        }
        if (watermark > firedUpTo) {
            firedUpTo = watermark;
        }
        sessions.compact();
    }

    /** End of input: the watermark goes to +infinity, every session fires and is freed. */
    @Override
    public void finish(final ResultSink out) {
        advanceWatermark(Long.MAX_VALUE, out);
    }
<#if !emitChanges>

    /** Emits session s's row (if HAVING keeps it)<#if changelog> as +I and keeps it LATENESS longer for late rows<#else> and frees it</#if>. */
    private void fire(final int s, final ResultSink out) {
        try {
<#if changelog>
            final boolean present = fill(after, s, sessions.accumulatorOffset(s), sessions.start(s), sessions.end(s));
            if (present) {
                out.accept(after.kind(RowKind.INSERT));
            }
            sessions.flags(s, sessions.flags(s) | SessionWindows.FIRED);
            snapshot(s, present);
            sessions.schedule(s, deadline(s));
<#else>
            if (fill(row, s, sessions.accumulatorOffset(s), sessions.start(s), sessions.end(s))) {
                out.accept(row);
            }
            sessions.free(s);
</#if>
        } catch (final ExpressionException ex) {
            throw resultError(ex);
        }
    }
</#if>

    /** The result row of session s from the accumulators at acc, with bounds [start, end); false when HAVING rejects it. */
    private boolean fill(final ResultRow row, final int s, final int acc, final long start, final long end) {
        final GroupTable groups = sessions.keys();
        final int e = sessions.keyEntryOf(s);
        final UnsafeBuffer buf = sessions.buffer();
        final long window_start = start;
        final long window_end = end;
<@common.resultBody/>
    }

    @Override
    public void close() {
        sessions.close();
    }
}
