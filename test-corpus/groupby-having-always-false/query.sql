-- Proves: a HAVING that is always false (COUNT(*) is never NULL) compiles and emits no row. Calcite
-- simplifies such a filter to an empty VALUES, dropping the table: the query was rejected with
-- "the query reads no declared table" before the planner kept the table under a FALSE filter
-- (found by DifferentialFuzzTest).
-- Verified: DuckDB cross-check (duckdb.sql); an empty changelog is an empty table.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, COUNT(*) AS n, SUM(qty) AS volume
FROM trades
GROUP BY symbol
HAVING COUNT(*) IS NULL;
