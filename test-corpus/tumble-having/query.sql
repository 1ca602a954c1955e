-- Proves: HAVING on a windowed aggregate keeps only (window, symbol) groups passing it; AVG over a
-- window is DOUBLE. 10:00: A {10.0, 11.0} passes, B {20.0} does not; 10:01: A {12.5} does not,
-- B {21.0, 22.5, 23.0} passes (avg 66.5/3); 10:02: A {13.0} does not. Rows are in time order.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE quotes (
  symbol VARCHAR,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end, COUNT(*) AS n, AVG(price) AS avg_price
FROM TABLE(TUMBLE(TABLE quotes, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end
HAVING COUNT(*) > 1;
