/**
 * The run command line (picocli) shared by {@code sluice run} and runnable artifacts, and the main
 * class of artifacts. The only runtime package that uses picocli.
 */
package io.sluice.runtime.cli;
