-- Proves: TUMBLE 1 minute grouped by symbol: one row per (window, symbol) with rows, windows are
-- [start, end) (10:00:59.999 is in the 10:00 window, 10:01:00 in the 10:01 one), the empty window
-- 10:02 between two windows with rows does not appear, window_start/window_end are TIMESTAMP(3).
-- Rows are in time order, so no row is late.
-- Verified: DuckDB cross-check (duckdb.sql, time_bucket).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end, COUNT(*) AS trades, SUM(qty) AS volume
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;
