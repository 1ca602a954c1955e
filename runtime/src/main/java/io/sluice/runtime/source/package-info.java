/**
 * Sources: decoding input (CSV files) into column batches, with event-time watermarks and the
 * bad-row policy. Depends on the batch, time, type and error packages.
 */
package io.sluice.runtime.source;
