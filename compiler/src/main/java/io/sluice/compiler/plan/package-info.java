/**
 * SQL text to a validated, planned query: CREATE TABLE into table definitions, Velostream's WINDOW
 * clause and WITH properties into their Sluice forms, the checks of what Sluice supports, Calcite
 * validation with Sluice's type rules, conversion to relational algebra.
 * Depends on the parser package and Calcite.
 */
package io.sluice.compiler.plan;
