package io.sluice.runtime.state;

import java.util.Arrays;

/**
 * The group entries a batch changed, across several group tables (a windowed changelog: one table
 * per window), in the order they first changed. A kernel flags an entry when it adds it, so each
 * appears once, and emits and clears the list at the end of the batch, before any table is
 * released. No allocation once grown. Not thread-safe.
 */
public final class DirtyEntries {
    private GroupTable[] tables = new GroupTable[64];
    private int[] entries = new int[64];
    private int size;

    /** Appends entry {@code e} of {@code table}. */
    public void add(final GroupTable table, final int e) {
        if (size == entries.length) {
            tables = Arrays.copyOf(tables, size * 2);
            entries = Arrays.copyOf(entries, size * 2);
        }
        tables[size] = table;
        entries[size] = e;
        size++;
    }

    public int size() {
        return size;
    }

    /** Table of the {@code k}-th changed entry. */
    public GroupTable table(final int k) {
        return tables[k];
    }

    /** Entry index of the {@code k}-th changed entry. */
    public int entry(final int k) {
        return entries[k];
    }

    /** Empties the list (dropping its table references). */
    public void clear() {
        Arrays.fill(tables, 0, size, null);
        size = 0;
    }
}
