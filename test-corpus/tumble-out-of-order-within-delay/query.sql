-- Proves: rows out of order by less than the watermark delay (5 s here) are counted in their
-- window, including across a window boundary and 1 ms before the window would fire.
-- Watermark trace (W after each row = max ts so far - 5 s; late iff window end <= W before it):
--   00:00:50 s1 -> W 00:00:45 | 00:01:02 s1 -> W 00:00:57 | 00:00:58 s2: end 00:01 > 00:00:57 ok
--   00:00:59.5 s1: ok | 00:01:04 s2 -> W 00:00:59 | 00:01:01 s1: ok
--   00:00:59.999 s2: end 00:01:00 > W 00:00:59 ok | 00:01:05 s1 -> W 00:01:00, window 00:00 fires
--   00:02:10 s2 -> W 00:02:05, window 00:01 fires | 00:02:06 s2: end 00:03 > 00:02:05 ok.
-- No row is late, so the result is the plain per-window aggregate of all rows.
-- Verified: by hand (trace above) and DuckDB cross-check (duckdb.sql aggregates all rows).
CREATE TABLE readings (
  sensor  VARCHAR,
  reading DOUBLE,
  ts      TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT sensor, window_start, window_end, COUNT(*) AS n, SUM(reading) AS total, MAX(reading) AS peak
FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY sensor, window_start, window_end;
