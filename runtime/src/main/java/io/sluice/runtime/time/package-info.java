/** Event time: timestamp text conversions and watermark tracking. Depends on the batch package only. */
package io.sluice.runtime.time;
