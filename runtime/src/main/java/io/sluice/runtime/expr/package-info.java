/** Functions generated expression code calls for SQL semantics. Depends on the time package. */
package io.sluice.runtime.expr;
