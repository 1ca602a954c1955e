package io.sluice.runtime.batch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns strings to dense int codes, so VARCHAR columns travel as 4-byte codes and equal strings
 * have equal codes. Codes are assigned in first-seen order, starting at 0, and never reused.
 *
 * <p>Interning from UTF-8 bytes ({@link #intern(byte[], int, int)}) allocates only when a string
 * is new: lookups hash the bytes and compare them against an arena of the bytes already seen.
 * <p>Threads: one writer (the source thread interns), any number of readers of codes they received
 * through a safe hand-off (a queue). {@code strings} is volatile so that a reader that sees a grown
 * array also sees its contents.
 */
public final class StringDictionary {
    private static final int EMPTY = -1;

    private volatile String[] strings = new String[64];
    private int[] arenaOffset = new int[64];
    private int[] arenaLength = new int[64];
    private int[] hashes = new int[64];
    private byte[] arena = new byte[4096];
    private int arenaUsed;
    private int size;

    /** Open-addressing index: slot -> code, EMPTY when free. Capacity is a power of two. */
    private int[] slots = newSlots(128);

    private static int[] newSlots(final int capacity) {
        final int[] s = new int[capacity];
        Arrays.fill(s, EMPTY);
        return s;
    }

    /** Number of distinct strings interned. */
    public int size() {
        return size;
    }

    /** The string for {@code code}. */
    public String get(final int code) {
        return strings[code];
    }

    /** Returned by {@link #intern(byte[], int, int)} for bytes that are not valid UTF-8. */
    public static final int INVALID_UTF8 = -2;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * Code of the string held in {@code bytes[offset, offset+length)} as UTF-8, interning it if new;
     * {@link #INVALID_UTF8} if the bytes are not valid UTF-8 (nothing is interned then).
     */
    public int intern(final byte[] bytes, final int offset, final int length) {
        final int hash = hash(bytes, offset, length);
        final int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            final int code = slots[slot];
            if (code == EMPTY) {
                return insert(bytes, offset, length, hash, slot);
            }
            if (hashes[code] == hash && arenaLength[code] == length
                && Arrays.equals(arena, arenaOffset[code], arenaOffset[code] + length, bytes, offset, offset + length)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Codes of strings interned as {@code String}s, keyed by the string itself (open addressing). */
    private String[] byStringKeys = new String[64];
    private int[] byStringCodes = new int[64];
    private int byStringSize;

    /**
     * Code of {@code value}, interning it if new. A string seen before as a {@code String} is found
     * without allocating (its hash is cached by {@code String}); a new one is encoded to UTF-8 once.
     */
    public int intern(final String value) {
        int mask = byStringKeys.length - 1;
        int slot = (value.hashCode() * 0x9E3779B9) >>> 7 & mask;
        while (byStringKeys[slot] != null) {
            if (byStringKeys[slot].equals(value)) {
                return byStringCodes[slot];
            }
            slot = (slot + 1) & mask;
        }
        final byte[] b = value.getBytes(StandardCharsets.UTF_8);
        final int code = intern(b, 0, b.length);
        if (code >= 0) {
            if ((byStringSize + 1) * 2 > byStringKeys.length) {
                growByString();
                mask = byStringKeys.length - 1;
                slot = (value.hashCode() * 0x9E3779B9) >>> 7 & mask;
                while (byStringKeys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
            }
            byStringKeys[slot] = value;
            byStringCodes[slot] = code;
            byStringSize++;
        }
        return code;
    }

    private void growByString() {
        final String[] keys = byStringKeys;
        final int[] codes = byStringCodes;
        byStringKeys = new String[keys.length * 2];
        byStringCodes = new int[keys.length * 2];
        final int mask = byStringKeys.length - 1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                int slot = (keys[i].hashCode() * 0x9E3779B9) >>> 7 & mask;
                while (byStringKeys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                byStringKeys[slot] = keys[i];
                byStringCodes[slot] = codes[i];
            }
        }
    }

    private int insert(final byte[] bytes, final int offset, final int length, final int hash, final int slot) {
        final String value;
        try {
            value = utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (final CharacterCodingException e) {
            return INVALID_UTF8;
        }
        final int code = size;
        String[] table = strings;
        if (code == table.length) {
            final int n = code * 2;
            table = Arrays.copyOf(table, n);
            arenaOffset = Arrays.copyOf(arenaOffset, n);
            arenaLength = Arrays.copyOf(arenaLength, n);
            hashes = Arrays.copyOf(hashes, n);
        }
        if (arenaUsed + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
        }
        System.arraycopy(bytes, offset, arena, arenaUsed, length);
        arenaOffset[code] = arenaUsed;
        arenaLength[code] = length;
        arenaUsed += length;
        hashes[code] = hash;
        table[code] = value;
        strings = table; // publishes the element (and a grown array) to readers
        slots[slot] = code;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        final int[] s = newSlots(slots.length * 2);
        final int mask = s.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & mask;
            while (s[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            s[slot] = code;
        }
        slots = s;
    }

    private static int hash(final byte[] bytes, final int offset, final int length) {
        int h = 0x9E3779B9 ^ length;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
