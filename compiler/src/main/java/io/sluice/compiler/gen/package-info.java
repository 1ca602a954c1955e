/**
 * Deterministic workload generators behind {@code sluice gen}: the Velostream benchmark stream, a
 * trades stream with bounded disorder, and Nexmark's person, auction and bid streams, written as
 * CSV in Sluice's input conventions (header row, timestamps as {@code yyyy-MM-dd HH:mm:ss.SSS} UTC).
 * Used by the CLI and by the comparison harness in bench/.
 */
package io.sluice.compiler.gen;
