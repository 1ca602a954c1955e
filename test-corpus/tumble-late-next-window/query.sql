-- Proves: 'late.policy' = 'next-window': a late row is counted (as late) and aggregated in the
-- oldest window still open: the one containing the watermark W in force before the row (every
-- window ending after W is open, whether or not it has rows yet), as if its time were W.
-- Trace (delay 2 s; W before the row):
--   A@09:00:10, A@09:00:40, B@09:00:59, A@09:01:05 (W becomes 09:01:03: window 09:00 fires)
--   B@09:00:58 qty 5: window end 09:01:00 <= 09:01:03 -> late -> window of 09:01:03 = 09:01
--   A@09:01:01, B@09:02:01, A@09:01:59.5 (within the delay), B@09:02:03 (W 09:02:01: 09:01 fires)
--   A@09:01:30 qty 10: late -> window of 09:02:01 = 09:02
--   B@09:02:30 (W 09:02:28)
--   A@09:00:30 qty 12: late -> window of 09:02:28 = 09:02
-- Results: A 09:00 {1,2}; B 09:00 {3}; A 09:01 {4,6,8}; B 09:01 {5}; B 09:02 {7,9,11}; A 09:02 {10,12}.
-- Verified: by hand (trace above) and DuckDB cross-check (duckdb.sql moves each late row to the
-- watermark in force before it, then buckets).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'next-window');

SELECT symbol, window_start, window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;
