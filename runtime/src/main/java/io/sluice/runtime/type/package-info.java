/** Column types and schemas shared by the runtime and the compiler. Depends on nothing. */
package io.sluice.runtime.type;
