/**
 * Columnar batches over off-heap Agrona buffers, and the string dictionary VARCHAR codes refer to.
 * May depend on Agrona only.
 */
package io.sluice.runtime.batch;
