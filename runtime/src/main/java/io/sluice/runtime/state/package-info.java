/** Off-heap aggregation state: the group hash table and the memory budget it is charged to. Agrona only. */
package io.sluice.runtime.state;
