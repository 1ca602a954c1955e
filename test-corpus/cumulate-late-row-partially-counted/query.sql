-- Proves: a CUMULATE row whose smaller windows already fired still counts in the larger windows of
-- its base window that are open; a row is late (dropped, counted once) only when the largest one
-- has fired. CUMULATE 10 s step, 30 s size, 2 s delay. Trace (seconds after 10:00:00):
--   a@1 (W -1), a@12 (W 10: [0,10) fires), b@14 (W 12), a@23 (W 21: [0,20) fires)
--   a@5 (v 5): [0,10) and [0,20) fired -> skipped; [0,30) open -> counted
--   b@31 (W 29), a@34 (W 32: [0,30) fires)
--   b@28 (v 6): all its windows end <= 30 <= 32 -> late, dropped
--   b@33 (v 7): [30,40) [30,50) [30,60) open -> counted; a@62 ends the input
-- Verified: by hand (trace above) and DuckDB cross-check (watermark rule per (row, window) pair).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(CUMULATE(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '30' SECOND))
GROUP BY k, window_start, window_end;
