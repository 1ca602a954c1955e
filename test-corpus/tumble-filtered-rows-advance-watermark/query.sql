-- Proves: the watermark is the source's (DESIGN.md "Event time, exactly": computed in the
-- source's row order after each row), so a row removed by WHERE still advances it.
--   A 08:00:10 qty 1 -> W 08:00:08
--   X 08:01:30 qty 0 -> filtered out by WHERE, but W 08:01:28: window 08:00 fires
--   A 08:00:50 qty 2: end 08:01:00 <= 08:01:28 -> LATE, dropped
--   A 08:01:10 qty 3: end 08:02:00 > 08:01:28 -> counted
-- (An engine that advanced the watermark only on rows passing WHERE would count qty 2.)
-- Verified: by hand (above) and DuckDB cross-check (duckdb.sql applies the watermark rule to all
-- source rows, then WHERE).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
WHERE qty > 0
GROUP BY symbol, window_start, window_end;
