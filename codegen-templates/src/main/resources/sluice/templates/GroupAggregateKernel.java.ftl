<#import "common.ftl" as common>
<#import "aggregates.ftl" as agg>
<#import "simd.ftl" as simdt>
<#import "fused.ftl" as fusedt>
<#-- One passing row into its group: key, accumulators, dirty mark. -->
<#macro rowUpdate>
<#if denseKey??>
${keyCode}<#t>
                // one key word: a small one found by index, else hashed and probed (no scratch key)
                final int e = groups.findOrInsertSmall(${denseKey.word});
<#else>
<@common.writeKey "groups"/>
                final int e = groups.findOrInsert(h);
</#if>
                final UnsafeBuffer buf = groups.buffer();
                final int acc = accumulatorOffset(e);
                final long at = buf.addressOffset() + acc; // the accumulators' address: updated without bounds checks
<@accumulate/>
</#macro>
<#-- The accumulators of entry e (at address "at", offset acc in buf) take the row; changelog: the group is marked dirty. -->
<#macro accumulate>
<@agg.updateAllAt/>
<#if changelog>
<@markDirty/>
</#if>
</#macro>
<#-- Changelog: entry e (its accumulators at offset acc in buf) goes into the dirty list once per batch. -->
<#macro markDirty>
                final long flags = buf.getLong(acc + FLAGS);
                if ((flags & DIRTY) == 0L) {
                    buf.putLong(acc + FLAGS, flags | DIRTY);
                    dirty.addInt(e);
                }
</#macro>
<#--
  One row of a loop that folds rows of a batch with a single-column key (denseKey) into their
  groups: row i = rows ("s": every row; "sel[s]"; or "sel == null ? s : sel[s]"), its columns
  read, then the nested lines find its accumulators' offset acc (and its entry e) from base, the
  entries' address, then the accumulators take the row.
-->
<#macro foldRow rows>
                i = ${rows};
<@common.readRow/>
${keyCode}<#t>
<#nested>
                final long at = base + acc; // the accumulators' address: updated without bounds checks
<@accumulate/>
</#macro>
<#-- The loop that folds m rows into their groups in row order, each as foldRow. -->
<#macro foldRows rows>
<@common.columnVectors/>
        int i = 0;
        try {
            for (int s = 0; s < m; s++) {
<@foldRow rows><#nested></@foldRow>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
</#macro>
<#--
  foldRows for a lookup that can miss (foldSmall, foldHashed): state (lines that read the lookup's
  arrays and the entries' address base) runs before the loop and again after each miss; the nested
  lines find row i's accumulators' offset acc (and the entry e where the accumulate lines need it)
  from that state, or on a miss set missed to the key word and break. Outside the loop, insert (a
  statement with a call) puts that key into the table where the lookup finds it
  (findOrInsertCached: in its cache slot; findOrInsertSmall: in the direct index, as every key of
  foldSmall's batches is below DIRECT_LIMIT; foldLooked: the slot word of row s), and the loop
  takes that row again. A call inside the row loop would make C2 keep
  the loop's values on the stack around it on every row (HotSpot keeps no register across a
  call): generated code read through -XX:CompileCommand=print.
-->
<#macro foldRowsResumed rows state insert>
<@common.columnVectors/>
        int i = 0;
        int s = 0;
        long missed = 0L;
        try {
            while (s < m) {
${state}<#t>
                for (; s < m; s++) {
<#assign body><@foldRow rows><#nested></@foldRow></#assign>
${body?replace("(?m)^(?=.)", "    ", "r")}<#t>
                }
                if (s < m) {
                    ${insert}; // row s's key where the lookup finds it: the loop takes that row again
                }
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
</#macro>
<#--
  The phased row loop of a single-column key (denseKey) while the table is in cache: entries() finds
  every row's group first (no expression is evaluated there, so no row error can come before an
  earlier row's), then this loop folds the rows into the entries in row order. rows: "s" (every
  row) or "sel[s]".
-->
<#macro foldEntries rows>
        final UnsafeBuffer buf = groups.buffer(); // no insert below: the entries stay where they are
        final long base = buf.addressOffset();
<@foldRows rows>
                final int e = ent[s];
                final int acc = accumulatorOffset(e);
</@foldRows>
</#macro>
<#assign phased = denseKey?? && !filter??>
<#-- simd.hashKey: the generator gives it only when the passing rows are known before the row loop -->
<#assign phasedSimd = denseKey?? && simd?? && simd.hashKey??>
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
<@common.entryLayout "ENTRY_BYTES"/>
    /** The group changed in the current batch and is in {@link #dirty}. */
    private static final long DIRTY = 1L;
    /** The group's result row was last emitted as present (+I or +U). */
    private static final long EMITTED = 2L;
<#else>
    /** Entry layout after the key: the accumulators (the final table, --final-table: emitted once, at the end). */
    private static final int ACC_BYTES = ${accBytes};
    private static final int ENTRY_BYTES = ACC_BYTES;
<@common.entryLayout "ENTRY_BYTES"/>
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
        if (simd && processSimd(batch, n)) {
<#if changelog>
            emitChanges(out);
</#if>
            return;
        }
</#if>
<#if phased>
        final int m = n;
        if (endsSmall(batch, n) && smallKeys(batch, n)) {
            foldSmall(batch, null, m);
<#if changelog>
            emitChanges(out);
</#if>
            return;
        }
        if (groups.size() <= SMALL_TABLE) {
            foldHashed(batch, null, m);
<#if changelog>
            emitChanges(out);
</#if>
            return;
        }
        if (lookAhead(batch, null, m, null)) {
            foldLooked(batch, null, m);
        } else {
            final int[] ent = entries(batch, null, m);
<#assign body><@foldEntries "s"/></#assign>
${body?replace("(?m)^(?=.)", "    ", "r")}<#t>
        }
<#else>
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
</#if>
<#if changelog>
        emitChanges(out);
</#if>
    }
<#if simd?? && simd.rowLoop>

    /**
     * The SIMD twin: <#if simd.filter??>WHERE in lanes into a selection<#else>every row (WHERE row by row)</#if><#if phasedSimd>, the key's hashes in lanes</#if>, then
     * the rows into their groups<#if simd.filter?? && simd.filter.overflow??>; false, with nothing changed, when BIGINT arithmetic in WHERE overflowed in
     * lanes or might have (the scalar twin's checked arithmetic decides the batch)</#if>.
     */
    private boolean processSimd(final ColumnBatch batch, final int n) {
<#if simd.filter??>
        final int m = ${className}_Simd.select(batch, n, selection(batch));
<#if simd.filter.overflow??>
        if (m < 0) {
            return false;
        }
</#if>
        filteredRows += n - m;
<#else>
        final int m = n;
</#if>
<#if phasedSimd>
        if (endsSmall(batch, n)) {
            // the batch's key range<#if simd.packed?? && simd.packed.sum??> and summed values' range</#if> in lanes: <#if simd.packed??>small keys<#if simd.packed.sum??> and a narrow value range</#if>
            // fold packed; else </#if>small keys go by the direct index
            final long[] range = this.range;
            ${className}_Simd.ranges(batch, n, range);
<#if simd.packed??>
            if (PackedPartials.packable(n, range[0], range[1], range[2], range[3])
                && foldPacked(batch, n, (int) range[0], (int) range[1], range[2], range[3])) {
                return true;
            }
</#if>
            if (range[0] >= 0L && range[1] < GroupTable.DIRECT_LIMIT) {
                foldSmall(batch, <#if simd.filter??>sel<#else>null</#if>, m);
                return true;
            }
        }
        if (groups.size() <= SMALL_TABLE) {
            foldHashed(batch, <#if simd.filter??>sel<#else>null</#if>, m);
            return true;
        }
        final long[] hashes = hashes(batch);
        ${className}_Simd.hashes(batch, n, hashes);
        if (lookAhead(batch, <#if simd.filter??>sel<#else>null</#if>, m, hashes)) {
            foldLooked(batch, <#if simd.filter??>sel<#else>null</#if>, m);
        } else {
            final int[] ent = entries(batch, <#if simd.filter??>sel<#else>null</#if>, m);
<#assign body><@foldEntries simd.filter???then("sel[s]", "s")/></#assign>
${body?replace("(?m)^(?=.)", "    ", "r")}<#t>
        }
<#else>
<@common.columnVectors/>
        int i = 0;
        try {
            for (int s = 0; s < m; s++) {
                i = <#if simd.filter??>sel[s]<#else>s</#if>;
<@common.readRow/>
<#if !simd.filter??>
<@common.applyFilter/>
</#if>
<@rowUpdate/>
            }
        } catch (final ExpressionException e) {
            throw rowError(batch, i, e);
        }
</#if>
        return true;
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
                final int acc = accumulatorOffset(e);
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

<#if phased || phasedSimd>
    /**
     * Groups up to which a batch's hashed keys are looked up and folded in one loop through the
     * table's cache (foldHashed), beyond which in passes (lookAhead), in both twins. JMH
     * (GroupByBigintBenchmark, jars alternated twice), SIMD / scalar twin, against the index probed
     * in this loop with hashes from lanes (SIMD, up to 4096 groups) or in passes (scalar, beyond 256):
     * 10 keys 202-210M -> 290-293M / 180M -> 281M; 1K keys 155-166M -> 223-225M / 141-144M -> 220-228M.
     * Raised from 4096 to 32768 once the loop had got cheaper (an ad-hoc harness on the generated
     * kernel, SIMD twin, 4096 / 32768: 10K keys 133-139M / 200-225M, 20K 105-116M / 121-139M, 32K
     * 81-87M / 105-112M); at 60K keys the loop (a cache of at most 64K slots) ran 58M against the
     * passes' 82M, hence no higher.
     */
    private static final int SMALL_TABLE = 32768;
    /**
     * Bytes of entries from which lookAhead() probes and loads the entries in a pass of their
     * own, and foldLooked() folds: 8 MiB, beyond the caches. Ad-hoc harness on the generated
     * kernel, SIMD twin, without / with the passes: 100K keys (3.2 MB) 75M / 69-70M, 300K keys
     * 48M / 50M, 1M keys 26-28M / 30-32M, 10M keys 6.4M / 9.8M rec/s.
     */
    private static final long LARGE_ENTRIES = 8L << 20;
    /** XOR of the entry keys lookAhead() loaded (unused but for keeping those loads). */
    private long touched;
    /** Per batch (lookAhead): each row's hash and index slot word read ahead; the entry of each row to fold (entries). */
    private int[] ent = new int[0];
    private long[] keyHashes = new long[0];
    private long[] slotWords = new long[0];

    /**
     * Rows sel[0..m) (every row 0..m when sel is null) of a batch whose keys are all small (in [0,
     * GroupTable.DIRECT_LIMIT)) into their groups, in one loop: the table's direct index gives each
     * key's entry (an array load), a key not yet there is inserted (new groups in row order).
     */
    private void foldSmall(final ColumnBatch batch, final int[] sel, final int m) {
<#assign state>
                final int[] direct = groups.directIndex(); // an insert may grow the index and the entries
                final UnsafeBuffer buf = groups.buffer();
                final long base = buf.addressOffset();
</#assign>
<@foldRowsResumed "sel == null ? s : sel[s]" state "groups.findOrInsertSmall(missed)">
                final long dk = ${denseKey.word};
                final int e = dk < direct.length ? direct[(int) dk] - 1 : -1;
                if (e < 0) {
                    missed = dk;
                    break;
                }
                final int acc = accumulatorOffset(e);
</@foldRowsResumed>
    }

<#if simd?? && simd.packed??>
    /**
     * The SIMD twin's fold of a batch whose keys are in [klo, khi]<#if simd.packed.sum??> and whose summed values are in
     * [vlo, vhi]</#if> (PackedPartials.packable): each row adds to its key's packed word (one array
     * update a row: no entry lookup, no overflow check), then each key's count<#if simd.packed.sum??> and sum</#if> go into
     * its group. The same result as foldSmall's: new groups are inserted in row order<#if changelog>, and the
     * groups go into the dirty list in row order,</#if> by a pass over the keys (<#if changelog>every batch<#else>only when a key
     * has no group yet</#if>)<#if simd.packed.sum??>; false, with nothing changed, when a sum might overflow at some row
     * (PackedPartials.sumFits): foldSmall then finds the row, or that none overflows</#if>.
     */
    private boolean foldPacked(final ColumnBatch batch, final int n, final int klo, final int khi, final long vlo,
                               final long vhi) {
        final long[] words = partials.words();
        final long key_at = batch.column(${denseKey.index}).data().addressOffset();
<#if simd.packed.sum??>
        final long sum_at = batch.column(${simd.packed.sum.index}).data().addressOffset();
</#if>
        final long bias = PackedPartials.bias(vlo);
        for (int i = 0; i < n; i++) {
            words[(int) ${denseKey.read}] += <#if simd.packed.sum??>${simd.packed.sum.read} + </#if>bias;
        }
        int[] direct = groups.directIndex();
        long base = groups.buffer().addressOffset();
        boolean fresh = false;
        for (int k = klo; k <= khi; k++) {
            final long word = words[k];
            if (word != 0L) {
                final int e = k < direct.length ? direct[k] - 1 : -1;
                fresh |= e < 0;
<#list aggs as a>
<#if a.kind == "SUM" || a.kind == "AVG">
                if (!PackedPartials.sumFits(e < 0 ? 0L : UnsafeApi.getLong(base + accumulatorOffset(e) + ${a.off}),
                                            PackedPartials.count(word), vlo, vhi)) {
                    partials.clear(klo, khi);
                    return false; // a sum might overflow at some row: row by row
                }
</#if>
</#list>
            }
        }
<#if changelog>
        // the groups into the dirty list in row order (new ones inserted in row order), as foldSmall puts them
        for (int i = 0; i < n; i++) {
            final int e = groups.findOrInsertSmall(${denseKey.read});
            final UnsafeBuffer buf = groups.buffer();
            final int acc = accumulatorOffset(e);
<#assign marked><@markDirty/></#assign>
${marked?replace("(?m)^    ", "", "r")}<#t>
        }
<#else>
        if (fresh) {
            for (int i = 0; i < n; i++) {
                groups.findOrInsertSmall(${denseKey.read}); // new groups in row order, as foldSmall inserts them
            }
        }
</#if>
        direct = groups.directIndex();
        base = groups.buffer().addressOffset();
        for (int k = klo; k <= khi; k++) {
            final long word = words[k];
            if (word != 0L) {
                final long at = base + accumulatorOffset(direct[k] - 1);
                final long count = PackedPartials.count(word);
<#list aggs as a>
<#switch a.kind>
<#case "COUNT_STAR">
<#case "COUNT">
                UnsafeApi.putLong(at + ${a.off}, UnsafeApi.getLong(at + ${a.off}) + count);
<#break>
<#case "SUM">
<#case "AVG">
                UnsafeApi.putLong(at + ${a.off}, UnsafeApi.getLong(at + ${a.off}) + PackedPartials.sum(word, vlo));
<#if a.counted>
                UnsafeApi.putLong(at + ${a.off + 8}, UnsafeApi.getLong(at + ${a.off + 8}) + count);
</#if>
<#break>
</#switch>
</#list>
            }
        }
        partials.clear(klo, khi);
        return true;
    }

</#if>
    /**
     * Rows sel[0..m) (every row 0..m when sel is null) of a batch into their groups in one loop
     * while the table is small (SMALL_TABLE): each row's key is looked up in the table's cache
     * (GroupTable.cache: one multiply, one slot holding the key and its accumulators' offset), and only when the slot does
     * not hold it hashed, probed and inserted (findOrInsertCached; new groups in row order), then the
     * row is folded. No pass ahead of the loop: its key column is read once.
     */
    private void foldHashed(final ColumnBatch batch, final int[] sel, final int m) {
<#assign state>
                final long[] cache = groups.cache(); // a miss may grow the cache, an insert the entries
                final int shift = groups.cacheShift();
                final UnsafeBuffer buf = groups.buffer();
                final long base = buf.addressOffset();
</#assign>
<@foldRowsResumed "sel == null ? s : sel[s]" state "groups.findOrInsertCached(missed)">
                final long dk = ${denseKey.word};
                final long slot = GroupTable.cacheOffset(dk, shift); // read without bounds checks: in the cache by construction
                if (UnsafeApi.getLong(cache, slot) != dk) {
                    missed = dk;
                    break;
                }
                final int acc = (int) UnsafeApi.getLong(cache, slot + 8);
<#if changelog>
                final int e = (acc - KEY_BYTES) / STRIDE; // the entry, for the dirty list
</#if>
</@foldRowsResumed>
    }

    /**
     * The passes ahead of the lookups of rows sel[0..m) (every row 0..m when sel is null) of a batch
     * with a key outside the direct index's range, which goes by hash (a small key too: the direct
     * index is only a shortcut into the table): loads independent of each other, which the CPU
     * overlaps, so that one row's cache misses do not wait for the previous row's probe. The first
     * hashes each key (or takes laneHashes[row], the SIMD twin's) and reads its index slot word.
     * When the entries outgrow the caches (LARGE_ENTRIES; the result), it probes by hash for the
     * slot that names the key (GroupTable.slotWord), and a second pass loads the key of each entry
     * so named: those loads miss memory, where the lookups' would wait on each row's compare and
     * branch.
     */
    private boolean lookAhead(final ColumnBatch batch, final int[] sel, final int m, final long[] laneHashes) {
        if (keyHashes.length < batch.capacity()) {
            ent = new int[batch.capacity()];
            keyHashes = new long[batch.capacity()];
            slotWords = new long[batch.capacity()];
        }
        final long key_at = batch.column(${denseKey.index}).data().addressOffset();
        final long[] keyHashes = this.keyHashes;
        final long[] slotWords = this.slotWords;
        final long[] slots = groups.slots();
        final int mask = slots.length - 1;
        final boolean large = (long) groups.size() * STRIDE >= LARGE_ENTRIES;
        for (int s = 0; s < m; s++) {
            final int i = sel == null ? s : sel[s];
            final long h = laneHashes != null ? laneHashes[i] : SqlFunctions.hash(SqlFunctions.HASH_SEED, ${denseKey.read});
            keyHashes[s] = h;
            slotWords[s] = large ? GroupTable.slotWord(slots, mask, h) : slots[(int) (h >>> 32) & mask];
        }
        if (large) {
            final long entriesAt = groups.buffer().addressOffset();
            long keys = 0L;
            for (int s = 0; s < m; s++) {
                keys ^= UnsafeApi.getLong(entriesAt + (long) Math.max((int) slotWords[s] - 1, 0) * STRIDE);
            }
            touched ^= keys; // kept: the loads above are their own point
        }
        return large;
    }

    /**
     * The group entry of each row of lookAhead's rows, new groups inserted in row order: the entry
     * a slot word read ahead names when it holds the key (GroupTable.entryOf), else probed
     * (findOrInsert1).
     */
    private int[] entries(final ColumnBatch batch, final int[] sel, final int m) {
        final int[] ent = this.ent;
        final long key_at = batch.column(${denseKey.index}).data().addressOffset();
        final long[] keyHashes = this.keyHashes;
        final long[] slotWords = this.slotWords;
        long entriesAt = groups.buffer().addressOffset();
        for (int s = 0; s < m; s++) {
            final int i = sel == null ? s : sel[s];
            final long dk = ${denseKey.read};
            int e = GroupTable.entryOf(slotWords[s], dk, keyHashes[s], entriesAt, STRIDE);
            if (e < 0) {
                e = groups.findOrInsert1(dk, keyHashes[s]);
                entriesAt = groups.buffer().addressOffset(); // an insert may move the entries
            }
            ent[s] = e;
        }
        return ent;
    }

    /**
     * lookAhead's rows into their groups in one loop once the entries outgrow the caches: each row
     * takes the entry its slot word read ahead names (GroupTable.entryOf; that entry's line loaded
     * by lookAhead), and only when the word does not name the key (a new key, or one displaced)
     * the row's slot word is replaced by the one findOrInsertWord gives (new groups in row order)
     * and the row taken again. One loop rather than entries() and foldEntries: the entry is in
     * cache when its row is folded. JMH GroupByBigintBenchmark, jars alternated three times, -f 1
     * -wi 3 -w 1s -i 5 -r 1s, two loops / this one: 1M keys 29-30M / 30-34M rec/s SIMD twin,
     * 25-26M / 27-28M scalar; 300K keys 48-53M / 51-52M SIMD, 39-45M / 42-47M scalar. At 100K keys,
     * where the entries stay in cache, the two loops were faster (ad-hoc harness: 75-81M against
     * 66-74M), hence only for large tables.
     */
    private void foldLooked(final ColumnBatch batch, final int[] sel, final int m) {
        final long[] keyHashes = this.keyHashes;
        final long[] slotWords = this.slotWords;
<#assign state>
                final UnsafeBuffer buf = groups.buffer(); // an insert may move the entries
                final long base = buf.addressOffset();
</#assign>
<@foldRowsResumed "sel == null ? s : sel[s]" state "slotWords[s] = groups.findOrInsertWord(missed, keyHashes[s])">
                final long dk = ${denseKey.word};
                final int e = GroupTable.entryOf(slotWords[s], dk, keyHashes[s], base, STRIDE);
                if (e < 0) {
                    missed = dk;
                    break;
                }
                final int acc = accumulatorOffset(e);
</@foldRowsResumed>
    }

    /**
     * Whether the batch's first and last keys are in [0, GroupTable.DIRECT_LIMIT), the test before
     * the pass over the whole key column that decides whether every key is (<#if phasedSimd>ranges, </#if>smallKeys): when
     * one is not, that pass would say no, so the batch goes by hash without it (a pass ahead of the
     * row loop costs a read of the column from memory).
     */
    private static boolean endsSmall(final ColumnBatch batch, final int n) {
        if (n == 0) {
            return false;
        }
        final long key_at = batch.column(${denseKey.index}).data().addressOffset();
        int i = 0;
        final long first = ${denseKey.read};
        i = n - 1;
        final long last = ${denseKey.read};
        return Long.compareUnsigned(first, GroupTable.DIRECT_LIMIT) < 0
            && Long.compareUnsigned(last, GroupTable.DIRECT_LIMIT) < 0;
    }

    /** Whether every key of the batch's n rows is in [0, GroupTable.DIRECT_LIMIT) (one OR over the column, which the JIT vectorises). */
    private static boolean smallKeys(final ColumnBatch batch, final int n) {
        final long key_at = batch.column(${denseKey.index}).data().addressOffset();
        long bits = 0L;
        for (int i = 0; i < n; i++) {
            bits |= ${denseKey.read};
        }
        return (bits & -GroupTable.DIRECT_LIMIT) == 0L;
    }

</#if>
    /** The result row of group e from the accumulators at acc. */
    private boolean fill(final ResultRow row, final GroupTable groups, final int e, final int acc) {
        final UnsafeBuffer buf = groups.buffer();
<@common.resultBody/>
    }

    /** A continuous aggregation emits per batch (or, with --final-table, at the end); event time fires nothing. */
    @Override
    public void advanceWatermark(final long watermark, final ResultSink out) {
    }

    @Override
    public void finish(final ResultSink out) {
<#if !changelog>
        // the final table (--final-table): the input ended; one row per group (those HAVING keeps)
        try {
            for (int e = 0; e < groups.size(); e++) {
                if (fill(row, groups, e, accumulatorOffset(e))) {
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
        groups.close();
    }
}
<@simdt.simdClass>
<@fusedt.simdMethod/>
</@simdt.simdClass>
