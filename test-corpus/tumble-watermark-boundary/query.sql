-- Proves: the exact edges of the rules, to the millisecond, and a TUMBLE grouped by the window
-- only. A window [start, end) fires when W >= end; a row is late iff end <= W before it.
--   a 12:00:30.000 -> W 12:00:28.000
--   b 12:01:01.999 -> W 12:00:59.999 (window 12:00 does not fire: 12:00:59.999 < 12:01:00)
--   c 12:00:59.999: end 12:01:00.000 > W 12:00:59.999 -> counted
--   d 12:01:02.000 -> W 12:01:00.000 = end -> window 12:00 fires
--   e 12:00:59.000: end 12:01:00.000 <= W 12:01:00.000 -> LATE (equality counts as late)
--   f 12:01:00.000: window 12:01, end 12:02 > W -> counted
-- So 12:00 = {a, c}: n 2, total 4; 12:01 = {b, d, f}: n 3, total 12.
-- Verified: by hand (above) and DuckDB cross-check (duckdb.sql applies the watermark rule).
CREATE TABLE ticks (
  id VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(TUMBLE(TABLE ticks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
