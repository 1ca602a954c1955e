package io.sluice.runtime.batch;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Large off-heap blocks backed by transparent huge pages: an anonymous {@code mmap}, advised with
 * {@code madvise(MADV_HUGEPAGE)} before any page is touched (through FFM), for machines whose THP
 * setting is {@code madvise}, the common default, under which the kernel gives huge pages only to
 * memory that asks. A block read at random (a large group table's entries) then costs far fewer
 * TLB misses.
 *
 * <p>Only on Linux and only when this code may call native functions (the launchers, the runnable
 * jar and the test and benchmark JVMs enable native access); otherwise, or when the call fails,
 * nothing happens: huge pages are a hint, never needed for a correct result.
 */
final class HugePages {
    /** The huge page size on x86-64 and aarch64 Linux: blocks start at a multiple of it. */
    static final long HUGE_PAGE = 2L << 20;
    /**
     * Blocks at least this large get huge pages: beyond what the TLB covers with small pages (a
     * few MiB), where they pay. Measured with every block from 2 MiB on (GroupByBigintBenchmark,
     * jars alternated twice): 1M keys (24 MiB of entries) 26-27M to 29-30M rec/s SIMD, 21-22M to
     * 25M scalar; 100K keys (2.4 MiB) no better (73-78M against 81-82M SIMD, within the noise),
     * hence small pages below 8 MiB.
     */
    static final long MIN_BYTES = 8L << 20;
    private static final int MADV_HUGEPAGE = 14;
    private static final MethodHandle MADVISE = handle("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle MMAP = handle("mmap", FunctionDescriptor.of(ValueLayout.ADDRESS,
        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
        ValueLayout.JAVA_LONG));
    private static final MethodHandle MUNMAP = handle("munmap", FunctionDescriptor.of(ValueLayout.JAVA_INT,
        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final int PROT_READ_WRITE = 3;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;

    private HugePages() {
    }

    /**
     * A zeroed, 2 MiB-aligned block of {@code bytes} (at least {@link #MIN_BYTES}) from an
     * anonymous mapping advised for huge pages before any page is touched (so that first touches
     * map huge pages), owned by {@code arena}: closing the arena unmaps it. Null when this JVM
     * cannot (then the caller allocates as usual).
     */
    static MemorySegment allocate(final long bytes, final Arena arena) {
        if (MMAP == null || MUNMAP == null || MADVISE == null || bytes < MIN_BYTES) {
            return null;
        }
        final long length = bytes + HUGE_PAGE; // room to align the start to a huge page
        try {
            final MemorySegment mapped = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, length, PROT_READ_WRITE,
                MAP_PRIVATE_ANONYMOUS, -1, 0L);
            if (mapped.address() == -1L || mapped.address() == 0L) {
                return null; // MAP_FAILED
            }
            final int ignored = (int) MADVISE.invokeExact(mapped, length, MADV_HUGEPAGE);
            final long start = (mapped.address() + HUGE_PAGE - 1) & -HUGE_PAGE;
            return MemorySegment.ofAddress(start).reinterpret(bytes, arena, block -> unmap(mapped, length));
        } catch (final Throwable e) {
            return null;
        }
    }

    private static void unmap(final MemorySegment mapped, final long length) {
        try {
            final int ignored = (int) MUNMAP.invokeExact(mapped, length);
        } catch (final Throwable e) {
            throw new IllegalStateException("munmap of a huge-page block failed", e);
        }
    }

    private static MethodHandle handle(final String name, final FunctionDescriptor descriptor) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
            || !HugePages.class.getModule().isNativeAccessEnabled()) {
            return null;
        }
        try {
            final Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address, descriptor)).orElse(null);
        } catch (final RuntimeException e) {
            return null;
        }
    }
}
