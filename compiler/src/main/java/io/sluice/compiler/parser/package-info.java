/**
 * Sluice's SQL parser: Calcite's parser generated with Sluice's dialect extensions
 * ({@code CREATE TABLE ... WATERMARK FOR ... WITH (...)}, trailing {@code EMIT CHANGES|FINAL},
 * Velostream's {@code WINDOW TUMBLING|SLIDING|SESSION(...)} clause, {@code VALUE} and {@code STREAM}
 * as ordinary names), the parse-tree nodes for those extensions,
 * and {@link io.sluice.compiler.parser.SluiceSqlParser}, the entry point that parses a script
 * and turns parse errors into one-line messages with a line and column.
 *
 * <p>The generated parser class is {@code io.sluice.compiler.parser.impl.SluiceSqlParserImpl}
 * (built from {@code src/main/codegen} by FMPP and JavaCC; see compiler/pom.xml).
 */
package io.sluice.compiler.parser;
