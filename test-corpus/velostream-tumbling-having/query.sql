-- Proves: Velostream's clause order GROUP BY, WINDOW, HAVING, with a bare-seconds duration
-- (TUMBLING(60) is 60 s, as in Velostream), over a table with a WATERMARK clause: it runs as
-- tumble-having (HAVING keeps the (window, symbol) groups with more than one row).
-- Verified: expected.csv is tumble-having's (same plan) and DuckDB cross-check (duckdb.sql).
CREATE TABLE quotes (
  symbol VARCHAR,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end, COUNT(*) AS n, AVG(price) AS avg_price
FROM quotes
GROUP BY symbol
WINDOW TUMBLING(60)
HAVING COUNT(*) > 1;
