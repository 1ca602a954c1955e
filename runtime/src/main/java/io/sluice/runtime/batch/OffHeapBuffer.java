package io.sluice.runtime.batch;

import org.agrona.concurrent.UnsafeBuffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A block of zeroed, 64-byte aligned native memory, seen as an Agrona {@link UnsafeBuffer} (for
 * scalar access) and as a {@link MemorySegment} (for Vector API loads), freed explicitly by
 * {@link #close()}. Backed by a shared FFM arena, so any thread may free it.
 *
 * <p>Invariant: after {@link #close()} neither view may be used.
 */
public final class OffHeapBuffer implements AutoCloseable {
    /** Alignment of every block: one cache line, and the widest vector load. */
    public static final int ALIGNMENT = 64;

    private final Arena arena;
    private final MemorySegment segment;
    private final UnsafeBuffer buffer;

    private OffHeapBuffer(final long bytes) {
        if (bytes > Integer.MAX_VALUE - ALIGNMENT) {
            throw new IllegalArgumentException("off-heap block over 2 GiB: " + bytes + " bytes");
        }
        this.arena = Arena.ofShared();
        final long size = Math.max(ALIGNMENT, bytes);
        // large blocks on Linux: huge pages (HugePages and its native linker load only for such a block)
        final MemorySegment huge = size >= HugePages.MIN_BYTES ? HugePages.allocate(size, arena) : null;
        this.segment = huge != null ? huge : arena.allocate(size, ALIGNMENT);
        this.buffer = new UnsafeBuffer(segment.address(), (int) size);
    }

    /** Allocates {@code bytes} of zeroed memory (at least one cache line). */
    public static OffHeapBuffer allocate(final long bytes) {
        return new OffHeapBuffer(bytes);
    }

    public UnsafeBuffer buffer() {
        return buffer;
    }

    public MemorySegment segment() {
        return segment;
    }

    public long capacity() {
        return segment.byteSize();
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
