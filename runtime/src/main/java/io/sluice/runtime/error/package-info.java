/** The runtime's error types: one-line, positioned messages for bad data. Depends on nothing. */
package io.sluice.runtime.error;
