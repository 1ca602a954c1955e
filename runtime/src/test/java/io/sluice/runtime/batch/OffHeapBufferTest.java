package io.sluice.runtime.batch;

import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffHeapBufferTest {
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    @Test
    void aSmallBlockIsZeroedAlignedAndGoneAfterClose() {
        final OffHeapBuffer block = OffHeapBuffer.allocate(1000);
        assertThat(block.segment().address() % OffHeapBuffer.ALIGNMENT).isZero();
        assertThat(block.buffer().getLong(992)).isZero();
        block.buffer().putLong(8, 42L);
        assertThat(block.segment().get(ValueLayout.JAVA_LONG_UNALIGNED, 8)).isEqualTo(42L);
        block.close();
        block.close(); // twice: no effect
        assertThatThrownBy(() -> block.segment().get(ValueLayout.JAVA_LONG_UNALIGNED, 8))
            .isInstanceOf(IllegalStateException.class);
    }

    /**
     * A large block (a big group table's entries) is mapped for huge pages on Linux when native
     * access is enabled, as in every JVM the project starts (this test's included): aligned to 2 MiB,
     * zeroed, writable to its last byte, unmapped on close (its segment unusable after).
     */
    @Test
    void aLargeBlockIsMappedForHugePagesOnLinux() {
        final long bytes = HugePages.MIN_BYTES + 3 * HugePages.HUGE_PAGE + 8;
        final OffHeapBuffer block = OffHeapBuffer.allocate(bytes);
        assertThat(block.capacity()).isEqualTo(bytes);
        if (LINUX) {
            assertThat(HugePages.class.getModule().isNativeAccessEnabled()).as("surefire's argLine enables native access").isTrue();
            assertThat(block.segment().address() % HugePages.HUGE_PAGE).isZero();
        }
        for (long at = 0; at < bytes; at += 4096) {
            assertThat(block.buffer().getByte((int) at)).isZero();
            block.buffer().putByte((int) at, (byte) 1);
        }
        block.buffer().putLong((int) bytes - 8, -1L);
        assertThat(block.segment().get(ValueLayout.JAVA_LONG_UNALIGNED, bytes - 8)).isEqualTo(-1L);
        block.close();
        assertThatThrownBy(() -> block.segment().get(ValueLayout.JAVA_BYTE, 0))
            .isInstanceOf(IllegalStateException.class);
    }
}
