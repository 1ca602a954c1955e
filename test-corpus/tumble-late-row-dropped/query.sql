-- Proves: a row arriving after its window fired (further behind than the 2 s delay) is late and
-- dropped; a row behind the max but within the delay is counted.
-- Watermark trace (W after each row = max ts so far - 2 s; late iff window end <= W before it):
--   09:00:10 A -> W 09:00:08 | 09:00:40 A -> W 09:00:38 | 09:00:59 B -> W 09:00:57
--   09:01:05 A -> W 09:01:03: window 09:00 fires
--   09:00:58 B (qty 5): window end 09:01:00 <= 09:01:03 -> LATE, dropped
--   09:01:01 A: end 09:02 > 09:01:03 ok | 09:02:01 B -> W 09:01:59
--   09:01:59.5 A: end 09:02:00 > 09:01:59 ok (within delay) | 09:02:03 B -> W 09:02:01, 09:01 fires
--   09:01:30 A (qty 10): end 09:02:00 <= 09:02:01 -> LATE, dropped | 09:02:30 B -> W 09:02:28
-- Verified: by hand (trace above) and DuckDB cross-check (duckdb.sql applies the watermark rule
-- over file order, it does not name the late rows).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;
