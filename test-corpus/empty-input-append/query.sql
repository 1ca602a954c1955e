-- Proves: an append query over an input with only a header row outputs only the header.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, price * 2 AS double_price
FROM trades
WHERE qty > 0;
