-- Proves: windowed aggregation with NULLs: a NULL symbol is its own group (empty key field);
-- COUNT(price) skips NULLs; SUM/MIN/MAX/AVG of only NULLs are NULL (B in 10:00); every aggregate.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end,
       COUNT(*) AS n, COUNT(price) AS n_price, SUM(qty) AS volume,
       MIN(price) AS low, MAX(price) AS high, AVG(price) AS avg_price
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;
