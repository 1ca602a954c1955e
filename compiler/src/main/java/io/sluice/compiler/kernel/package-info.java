/**
 * Lowering a planned query to a {@code KernelSpec}: the physical shape the code generator
 * specialises (which template, row program, group keys, aggregates, window, result program).
 */
package io.sluice.compiler.kernel;
