/**
 * The contract between the runtime and generated code: {@code Kernel}, its base class and
 * construction context. Generated kernels depend on this package, state, expr, batch and sink.
 */
package io.sluice.runtime.kernel;
