/** The {@code sluice} command line (picocli): run, explain, test; exit codes and one-line errors. */
package io.sluice.compiler.cli;
