package io.sluice.runtime.kernel;

/** Makes kernel instances of one compiled query: one per partition. */
@FunctionalInterface
public interface KernelFactory {
    Kernel create(KernelContext context);
}
