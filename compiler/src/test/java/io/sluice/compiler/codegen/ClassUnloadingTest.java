package io.sluice.compiler.codegen;

import io.sluice.compiler.CompileException;
import io.sluice.compiler.SluiceCompiler;
import io.sluice.runtime.kernel.KernelContext;
import io.sluice.runtime.batch.StringDictionary;
import io.sluice.runtime.state.MemoryBudget;
import org.junit.jupiter.api.Test;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiling thousands of distinct queries in one JVM leaks neither classes nor metaspace: the kernel
 * cache holds its classes softly and never their loaders, so once it is cleared the kernels unload.
 */
class ClassUnloadingTest {
    private static final int QUERIES = 5_000;

    @Test
    void fiveThousandQueriesUnloadOnceTheCacheIsCleared() throws CompileException {
        final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        // warm up the planner and code generator (their own classes load once)
        for (int i = 0; i < 20; i++) {
            compileAndRun(-1 - i);
        }
        KernelCompiler.clearCache();
        settle();
        final long classesBefore = classes.getLoadedClassCount();
        final long metaspaceBefore = metaspaceUsed();
        final long unloadedBefore = classes.getUnloadedClassCount();
        for (int i = 0; i < QUERIES; i++) {
            compileAndRun(i);
        }
        final long classesDuring = classes.getLoadedClassCount();
        KernelCompiler.clearCache();
        settle();
        final long classesAfter = classes.getLoadedClassCount();
        final long metaspaceAfter = metaspaceUsed();
        assertThat(classes.getUnloadedClassCount() - unloadedBefore).as("kernel classes unloaded")
            .isGreaterThanOrEqualTo(QUERIES * 9L / 10);
        assertThat(classesAfter - classesBefore).as("classes still loaded (during: +%d)", classesDuring - classesBefore)
            .isLessThan(QUERIES / 20);
        assertThat(metaspaceAfter - metaspaceBefore).as("metaspace growth in bytes").isLessThan(8L << 20);
    }

    private static void compileAndRun(final int i) throws CompileException {
        final var q = SluiceCompiler.compile("CREATE TABLE t (a BIGINT, b DOUBLE); SELECT a + " + i
            + " AS c, b * 2 AS d FROM t WHERE a > " + i);
        q.kernels().create(new KernelContext(new StringDictionary(), MemoryBudget.unlimited())).close();
    }

    private static void settle() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long metaspaceUsed() {
        long used = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
