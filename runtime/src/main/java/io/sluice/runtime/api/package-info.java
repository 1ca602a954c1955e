/**
 * The embedding API: a {@code CompiledQuery} (made by the compiler, or loaded from a runnable
 * artifact with the runtime alone) and the {@code QuerySession} a Java program pushes rows into,
 * receiving results through a {@code ResultCallback}. Depends on the rest of the runtime.
 */
package io.sluice.runtime.api;
