-- Proves: a single input row gives exactly one +I row with all aggregates of that row.
-- Verified: DuckDB cross-check (duckdb.sql); changelog by hand (one row -> one +I).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, COUNT(*) AS n, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high,
       AVG(price) AS avg_price
FROM trades
GROUP BY symbol;
