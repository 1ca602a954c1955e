/** Window assignment (pure functions of a timestamp) and the set of open windows of a partition. */
package io.sluice.runtime.window;
