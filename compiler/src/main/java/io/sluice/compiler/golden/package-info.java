/**
 * The golden corpus: reading expected tables, applying changelogs, comparing results, and running
 * every case through the engine ({@code GoldenRunner}, used by {@code sluice test} and the tests).
 */
package io.sluice.compiler.golden;
