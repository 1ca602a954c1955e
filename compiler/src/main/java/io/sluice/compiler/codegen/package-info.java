/**
 * Kernel code generation: SQL expressions to Java ({@code ExprCodegen}), templates expanded with
 * FreeMarker ({@code KernelGenerator}), and the single place generated source is compiled
 * ({@code KernelCompiler}, Janino, cached by source text).
 */
package io.sluice.compiler.codegen;
