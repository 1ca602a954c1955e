-- Proves: a grouped (changelog) query over an input with only a header outputs only the header,
-- op column included.
-- Verified: DuckDB cross-check (duckdb.sql: no groups).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, COUNT(*) AS n, SUM(qty) AS volume
FROM trades
GROUP BY symbol;
