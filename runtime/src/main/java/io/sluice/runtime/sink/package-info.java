/** Result rows and where they go: the reused row view, sinks (CSV), changelog row kinds. */
package io.sluice.runtime.sink;
