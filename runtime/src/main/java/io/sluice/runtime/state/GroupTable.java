package io.sluice.runtime.state;

import io.sluice.runtime.error.DataException;
import io.sluice.runtime.batch.OffHeapBuffer;
import io.sluice.runtime.expr.SqlFunctions;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Off-heap, open-addressing hash table from a group key to a fixed-size entry of accumulators.
 *
 * <p>Layout: entries are stored densely, in insertion order, in one off-heap buffer; entry
 * {@code e} starts at byte {@link #offset(int) e * entryBytes}, holding first the key words
 * ({@code keyWords} longs) and then the caller's accumulator bytes, zeroed on insert. A separate
 * index of slots (capacity a power of two, load factor at most 1/16 while small, 1/4 up to 4M
 * slots, 1/2 beyond: {@link #maxSize}) maps hashes to entries with linear probing. Entries are never removed one by
 * one; {@link #clear()} empties the whole table (a fired window) and keeps its memory for reuse.
 * Each index slot is one {@code long}: the key's 32-bit hash and the entry index + 1 (0: free), so
 * a probe reads one array.
 *
 * <p>Usage per row: write the key into {@link #key()}, call {@link #findOrInsert(long)}, then
 * re-read {@link #buffer()} (it changes when the table grows) and update the accumulators at
 * {@code offset(e) + keyBytes + ...}. No allocation except when growing. Not thread-safe.
 */
public final class GroupTable implements AutoCloseable {
    /** A slot word of 0 is free; else its high half is the key's hash, its low half entry + 1. */
    private static final long FREE = 0L;
    /** Largest index filled only to a sixteenth (512 KiB; see {@link #maxSize}). */
    private static final int SMALL_SLOTS = 1 << 16;
    /** Largest index filled only to a quarter (see {@link #maxSize}). */
    private static final int MID_SLOTS = 1 << 22;
    /** One-word keys below this are found by index in {@link #findOrInsertSmall}. */
    public static final int DIRECT_LIMIT = 1 << 20;
    /** Cache slots per entry (a power of two): few keys share a slot, so few lookups miss. */
    private static final int CACHE_SLOTS_PER_ENTRY = 16;
    /** Largest cache: 64K slots, 1 MiB, reached at 2048 entries (a larger table's cache stays at that). */
    private static final int MAX_CACHE_SLOTS = 1 << 16;
    /** Smallest cache: 256 slots, 4 KiB. */
    private static final int MIN_CACHE_SLOTS = 1 << 8;
    /** The cache's hash: one multiply by an odd constant, whose top bits pick the slot. */
    private static final long CACHE_MULTIPLIER = 0xC2B2AE3D27D4EB4FL;
    /** The multiplicative inverse of {@link #CACHE_MULTIPLIER} modulo 2^64: the empty slots' keys come from it. */
    private static final long CACHE_INVERSE = inverse(CACHE_MULTIPLIER);
    /** Byte offset of a {@code long[]}'s element 0, for {@link #cacheOffset}. */
    private static final long LONG_ARRAY_BASE = UnsafeApi.arrayBaseOffset(long[].class);

    private final int keyWords;
    private final int entryBytes;
    private final MemoryBudget budget;
    private final long[] key;

    private OffHeapBuffer entryMemory;
    private UnsafeBuffer entries;
    /** Address of entry 0 (keys are compared there without bounds checks: entries below size only). */
    private long entriesAddress;
    private int entryCapacity;
    private int size;
    /** The index: one word per slot, hash and entry together, so a probe touches one cache line. */
    private long[] slots;
    private int mask;
    private boolean inserted;
    /**
     * One-word keys only: entry + 1 of each key in [0, direct.length) the table holds (0: not
     * held), written on insert, so that a small key (a dictionary code, a small id) is found
     * without hash or probe ({@link #findOrInsertSmall}). Grows to at most {@link #DIRECT_LIMIT}
     * ints, charged to the budget.
     */
    private int[] direct = new int[0];
    /** 1 + the largest index of {@link #direct} set since the last {@link #clear()}. */
    private int directHigh;
    /**
     * One-word keys only: a direct-mapped cache in front of the index, two longs a slot (the key,
     * then its entry's {@link #accumulatorOffset}), slot {@link #cacheSlot(long, int) cacheSlot(key, cacheShift())}.
     * An empty slot holds a key of another slot ({@link #emptyCache}), so no key looked up matches it.
     * Filled by {@link #findOrInsertCached} only, emptied by {@link #clear()};
     * {@link #CACHE_SLOTS_PER_ENTRY} slots per entry, at least {@link #MIN_CACHE_SLOTS} (from the
     * first {@link #cache()}) and at most {@link #MAX_CACHE_SLOTS}, charged to the budget.
     */
    private long[] cache = new long[0];

    /**
     * @param keyWords        longs per key
     * @param accumulatorBytes bytes of accumulator state per entry (rounded up to 8)
     * @param initialCapacity expected number of groups
     * @param budget          the memory budget this table's growth is charged to
     */
    public GroupTable(final int keyWords, final int accumulatorBytes, final int initialCapacity, final MemoryBudget budget) {
        this.keyWords = keyWords;
        this.entryBytes = entryBytes(keyWords, accumulatorBytes);
        this.budget = budget;
        this.key = new long[keyWords];
        final int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity) - 1) << 1);
        allocateEntries(capacity);
        allocateSlots(capacity * 2);
    }

    /**
     * Bytes of one entry of a table of {@code keyWords} key longs and {@code accumulatorBytes} of
     * accumulators: the key, then the accumulators rounded up to 8. A generated kernel takes it as a
     * constant, so that its row loop finds entry e's accumulators at {@code e * entryBytes + keyWords * 8}
     * (what {@link #accumulatorOffset} returns) with a multiply by a constant.
     */
    public static int entryBytes(final int keyWords, final int accumulatorBytes) {
        return keyWords * 8 + ((accumulatorBytes + 7) & ~7);
    }

    /** The scratch key the next {@link #findOrInsert} looks up. */
    public long[] key() {
        return key;
    }

    /** The entry buffer; re-read after {@link #findOrInsert}, which may replace it. */
    public UnsafeBuffer buffer() {
        return entries;
    }

    /** Byte offset of entry {@code e} in {@link #buffer()}. */
    public int offset(final int e) {
        return e * entryBytes;
    }

    /** Byte offset of the accumulators of entry {@code e}. */
    public int accumulatorOffset(final int e) {
        return e * entryBytes + keyWords * 8;
    }

    /** Key word {@code word} of entry {@code e}. */
    public long keyWord(final int e, final int word) {
        return entries.getLong(e * entryBytes + word * 8);
    }

    public int size() {
        return size;
    }

    /**
     * The slot index, for a kernel that reads the slot words of a whole batch ahead of probing
     * (independent loads the CPU overlaps). A word read here is a hint only: the table may
     * grow or rehash before it is used, so the caller checks hash and key before trusting it
     * and else calls {@link #findOrInsert1}.
     */
    public long[] slots() {
        return slots;
    }


    /** Longs per key. */
    public int keyWords() {
        return keyWords;
    }

    /** Whether the last {@link #findOrInsert} created the entry. */
    public boolean inserted() {
        return inserted;
    }

    /** Entry index of {@link #key()}, inserting a zeroed entry when the key is new. */
    public int findOrInsert(final long hash) {
        return findOrInsert(key, hash);
    }

    /**
     * Entry index of {@code key} (the caller's array of {@code keyWords} longs, hashed to {@code
     * hash} as for {@link #findOrInsert(long)}), inserting a zeroed entry when the key is new: for a
     * key looked up in several tables (a row in several windows).
     */
    public int findOrInsert(final long[] key, final long hash) {
        final int h = (int) (hash >>> 32); // the well-mixed half: the hash's last step folds it into the low half
        int slot = h & mask;
        while (true) {
            final long word = slots[slot];
            if (word == FREE) {
                inserted = true;
                return insert(key, slot, h);
            }
            final int e = (int) word - 1;
            if ((int) (word >>> 32) == h && keyEquals(key, e)) {
                inserted = false;
                return e;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * {@link #findOrInsert(long)} for a table whose key is one word, given as {@code key0}: no scratch
     * array, one comparison per probe. Only for tables built with one key word.
     */
    public int findOrInsert1(final long key0, final long hash) {
        final int h = (int) (hash >>> 32);
        int slot = h & mask;
        while (true) {
            final long word = slots[slot];
            if (word == FREE) {
                key[0] = key0;
                inserted = true;
                return insert(key, slot, h);
            }
            final int e = (int) word - 1;
            if ((int) (word >>> 32) == h && UnsafeApi.getLong(entriesAddress + (long) e * entryBytes) == key0) {
                inserted = false;
                return e;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * The word of the slot of {@code slots} (an index read from {@link #slots()}, {@code mask} its
     * length - 1) that holds {@code hash}'s 32-bit half, probing from its home slot: the slot that
     * names the key if the table holds it (or another key of the same hash half), else the free
     * slot that ends the probe (0). A hint for {@link #entryOf}, as any slot word read ahead.
     */
    public static long slotWord(final long[] slots, final int mask, final long hash) {
        final int h = (int) (hash >>> 32);
        int slot = h & mask;
        long word = slots[slot];
        while (word != FREE && (int) (word >>> 32) != h) {
            slot = (slot + 1) & mask;
            word = slots[slot];
        }
        return word;
    }

    /**
     * The entry that {@code word}, a slot word read earlier from {@link #slots()}, names when that
     * entry holds the one-word key {@code key0} (hashed to {@code hash}); else -1, and the caller
     * probes with {@link #findOrInsert1}. The word may be stale (read before inserts or a rehash):
     * entries keep their index for the table's life (until {@link #clear()}), so a stale word still
     * names an entry below {@link #size()}, or is free. Not for a table cleared since the word was read.
     * Static, with the entries' address ({@link #buffer()}'s, re-read after an insert) and the
     * table's {@link #entryBytes(int, int)} as arguments, so that a kernel passing its constant stride
     * gets a multiply by a constant.
     */
    public static int entryOf(final long word, final long key0, final long hash, final long entriesAddress,
                              final int entryBytes) {
        final int e = (int) word - 1;
        return (int) (word >>> 32) == (int) (hash >>> 32) && e >= 0
            && UnsafeApi.getLong(entriesAddress + (long) e * entryBytes) == key0 ? e : -1;
    }

    /**
     * {@link #findOrInsert1} for a kernel that resolves slot words read ahead ({@link #entryOf}):
     * the slot word that names the key's entry (inserted when new), so that {@code entryOf(word,
     * key0, hash, ...)} gives that entry; the caller puts it where the stale word was and takes the
     * row again.
     */
    public long findOrInsertWord(final long key0, final long hash) {
        return slotWordOf((int) (hash >>> 32), findOrInsert1(key0, hash));
    }

    /**
     * The cache of one-word keys (see {@link #findOrInsertCached}): slot c holds a key at
     * {@code [c]} and the {@link #accumulatorOffset} of its entry at {@code [c + 1]}, where c is
     * {@link #cacheSlot(long, int) cacheSlot(key, cacheShift())}; an empty slot holds a key that
     * belongs to another slot, so the key test alone tells a hit. A kernel reads it in its row loop
     * (at {@link #cacheOffset}, without bounds checks) and calls {@link #findOrInsertCached} when
     * the slot does not hold the key (then re-reads this array and {@link #cacheShift()}: the cache
     * may have grown). A slot that holds the key names its entry until {@link #clear()} (entries
     * keep their index).
     */
    public long[] cache() {
        if (cache.length == 0) {
            sizeCache(MIN_CACHE_SLOTS);
        }
        return cache;
    }

    /** The shift of {@link #cacheSlot} for the current {@link #cache()} (of which it follows: 64 - log2 of its slots). */
    public int cacheShift() {
        return shiftOf(cache());
    }

    /** 64 - log2 of the slots of {@code cache} (two longs a slot). */
    private static int shiftOf(final long[] cache) {
        return 64 - Integer.numberOfTrailingZeros(cache.length >>> 1);
    }

    /** Index into {@link #cache()} of key0's slot (of its key; its accumulator offset follows): {@link #cacheOffset}'s slot. */
    public static int cacheSlot(final long key0, final int shift) {
        return (int) ((cacheOffset(key0, shift) - LONG_ARRAY_BASE) >>> 3);
    }

    /**
     * Byte offset of key0's slot in the {@link #cache()} array, for {@code UnsafeApi.getLong(cache,
     * offset)} (the key) and {@code offset + 8} (its accumulator offset). The slot is the top bits
     * of key0 times an odd constant (one multiply, no probe: a key that shares its slot with another
     * only misses more often). In bounds by construction (the shift follows from the cache's
     * length), so a kernel's row loop reads the slot without a bounds check.
     */
    public static long cacheOffset(final long key0, final int shift) {
        return LONG_ARRAY_BASE + (((key0 * CACHE_MULTIPLIER) >>> shift) << 4);
    }

    /**
     * {@link #findOrInsert1} for a one-word key that missed the {@link #cache()} (hashed with
     * {@code SqlFunctions.hash(HASH_SEED, key0)}, as every one-word lookup), which then caches it in
     * its slot (replacing the slot's key). The cache grows (emptied: it refills on misses) to
     * {@link #CACHE_SLOTS_PER_ENTRY} slots per entry, up to {@link #MAX_CACHE_SLOTS}.
     */
    public int findOrInsertCached(final long key0) {
        final int e = findOrInsert1(key0, SqlFunctions.hash(SqlFunctions.HASH_SEED, key0));
        sizeCache(Math.min(MAX_CACHE_SLOTS, Integer.highestOneBit(Math.min(size, MAX_CACHE_SLOTS)) * 2 * CACHE_SLOTS_PER_ENTRY));
        final int c = cacheSlot(key0, cacheShift());
        cache[c] = key0;
        cache[c + 1] = accumulatorOffset(e);
        return e;
    }

    /** Replaces the cache by an empty one of {@code slots} slots (a power of two) if it has fewer. */
    private void sizeCache(final int slots) {
        if (cache.length < 2 * slots) {
            budget.reserve(16L * slots - 8L * cache.length);
            cache = new long[2 * slots];
            emptyCache();
        }
    }

    /**
     * Empties every slot of the cache: slot j gets the key whose slot is j ^ 1 (the product with
     * the multiplier's inverse of that slot's top bits), which no key of slot j equals.
     */
    private void emptyCache() {
        final int shift = shiftOf(cache); // not cacheShift(), which would size an unsized cache
        for (int j = 0; j < cache.length >>> 1; j++) {
            cache[2 * j] = CACHE_INVERSE * ((long) (j ^ 1) << shift);
            cache[2 * j + 1] = 0L;
        }
    }

    /** The inverse of odd {@code m} modulo 2^64 (Newton's iteration: each step doubles the correct low bits). */
    private static long inverse(final long m) {
        long x = m; // correct to 3 bits: m * m == 1 mod 8 for odd m
        for (int i = 0; i < 5; i++) {
            x *= 2 - m * x;
        }
        return x;
    }

    /**
     * {@link #findOrInsert1} for a one-word key that is often small and non-negative (a dictionary
     * code, a small id): a key in [0, {@link #DIRECT_LIMIT}) already in the table is found by array
     * index ({@link #directIndex()}), without hash or probe; any other key is hashed
     * ({@code SqlFunctions.hash(HASH_SEED, key0)}, the hash every one-word lookup must use) and probed.
     */
    public int findOrInsertSmall(final long key0) {
        final int[] d = direct;
        if (Long.compareUnsigned(key0, d.length) < 0) {
            final int e = d[(int) key0] - 1;
            if (e >= 0) {
                inserted = false;
                return e;
            }
        }
        return findOrInsert1(key0, SqlFunctions.hash(SqlFunctions.HASH_SEED, key0));
    }

    /** Entry index of {@code key} (hashed to {@code hash}), or -1 when the table does not hold it. */
    public int find(final long[] key, final long hash) {
        final int h = (int) (hash >>> 32); // the well-mixed half: the hash's last step folds it into the low half
        int slot = h & mask;
        while (true) {
            final long word = slots[slot];
            if (word == FREE) {
                return -1;
            }
            final int e = (int) word - 1;
            if ((int) (word >>> 32) == h && keyEquals(key, e)) {
                return e;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean keyEquals(final long[] key, final int e) {
        final long base = entriesAddress + (long) e * entryBytes;
        for (int w = 0; w < keyWords; w++) {
            if (UnsafeApi.getLong(base + w * 8L) != key[w]) {
                return false;
            }
        }
        return true;
    }

    private int insert(final long[] key, final int slot, final int h) {
        if (size == entryCapacity) {
            growEntries();
        }
        final int e = size++;
        final int base = e * entryBytes;
        for (int w = 0; w < keyWords; w++) {
            entries.putLong(base + w * 8, key[w]);
        }
        entries.setMemory(base + keyWords * 8, entryBytes - keyWords * 8, (byte) 0);
        slots[slot] = slotWordOf(h, e);
        if (keyWords == 1 && Long.compareUnsigned(key[0], DIRECT_LIMIT) < 0) {
            indexDirectly((int) key[0], e);
        }
        if (size > maxSize(slots.length)) {
            rehash();
        }
        return e;
    }

    /** The index word of entry e for a key whose hash's high half is h (see FREE). */
    private static long slotWordOf(final int h, final int e) {
        return ((long) h << 32) | (e + 1L);
    }

    private void indexDirectly(final int k, final int e) {
        if (k >= direct.length) {
            final int size = Math.min(DIRECT_LIMIT, Math.max(256, Integer.highestOneBit(k) << 1));
            budget.reserve(4L * (size - direct.length));
            direct = Arrays.copyOf(direct, size);
        }
        direct[k] = e + 1;
        directHigh = Math.max(directHigh, k + 1);
    }

    /**
     * One-word keys: entry + 1 of each key in [0, length) the table holds, 0 for one it does not;
     * replaced when it grows, on insert. For inspection: lookups go through {@link #findOrInsertSmall}.
     */
    public int[] directIndex() {
        return direct;
    }

    /**
     * Entries an index of {@code slots} slots holds before it doubles. The sparser the index, the
     * fewer keys sit past their home slot, so the fewer probe branches mispredict; the denser, the
     * less memory (8 bytes a slot). A sixteenth while the index stays in cache (at most 128 bytes
     * of index per group, 512 KiB in all); a quarter up to {@link #MID_SLOTS} (32 MiB of index, 1M
     * groups); half beyond, where the index's size dominates. Measured against an eighth and half
     * (GroupByBigintBenchmark, jars alternated twice, SIMD / scalar twin): 1K keys +1-9% / +8%,
     * 100K keys +10-15% / +10%, 1M keys +0-10% / +3%; 10M keys (half either way) too noisy to
     * compare in that run, hence half kept there.
     */
    private static int maxSize(final int slots) {
        return slots <= SMALL_SLOTS ? slots / 16 : slots <= MID_SLOTS ? slots / 4 : slots / 2;
    }

    private void allocateEntries(final int capacity) {
        final long bytes = (long) capacity * entryBytes;
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new DataException("", "group state exceeds 2 GiB in one table (" + capacity + " groups)");
        }
        budget.reserve(bytes);
        final OffHeapBuffer next = OffHeapBuffer.allocate(bytes);
        if (entries != null) {
            next.buffer().putBytes(0, entries, 0, size * entryBytes);
            budget.release((long) entryCapacity * entryBytes);
            entryMemory.close();
        }
        entryMemory = next;
        entries = next.buffer();
        entriesAddress = entries.addressOffset();
        entryCapacity = capacity;
    }

    private void growEntries() {
        allocateEntries(entryCapacity * 2);
    }

    private void allocateSlots(final int capacity) {
        budget.reserve(capacity * 8L);
        if (slots != null) {
            budget.release(slots.length * 8L);
        }
        slots = new long[capacity];
        mask = capacity - 1;
    }

    private void rehash() {
        final long[] oldSlots = slots;
        allocateSlots(oldSlots.length * 2);
        for (final long word : oldSlots) {
            if (word != FREE) {
                int slot = (int) (word >>> 32) & mask;
                while (slots[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = word;
            }
        }
    }

    /** Removes every entry, keeping the memory for reuse. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(slots, FREE);
            Arrays.fill(direct, 0, directHigh, 0);
            directHigh = 0;
            emptyCache();
            size = 0;
        }
    }

    @Override
    public void close() {
        if (entries != null) {
            budget.release((long) entryCapacity * entryBytes + slots.length * 8L + direct.length * 4L + cache.length * 8L);
            entryMemory.close();
            entries = null;
        }
    }
}
