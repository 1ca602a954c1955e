/**
 * The compile entry point ({@code SluiceCompiler}): SQL to a compiled query whose kernels run on
 * the runtime module alone.
 */
package io.sluice.compiler;
