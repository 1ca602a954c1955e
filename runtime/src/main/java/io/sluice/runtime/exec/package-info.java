/**
 * Running a compiled query: wiring source, kernel and sink, options and the run summary.
 * Depends on every other runtime package; nothing in the runtime depends on it.
 */
package io.sluice.runtime.exec;
