-- Proves: CSV columns are matched to the declared columns by header name, not by position: the
-- file's order is ts, qty, symbol, the table's is symbol, qty, ts.
-- Verified: DuckDB cross-check (duckdb.sql reads the file in its own column order).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty * 10 AS qty_x10, ts
FROM trades
WHERE qty > 1;
