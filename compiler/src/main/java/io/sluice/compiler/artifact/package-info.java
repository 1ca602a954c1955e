/** Runnable artifacts: a query's kernel, plan and the runtime in one jar ({@code sluice compile}). */
package io.sluice.compiler.artifact;
