-- Proves: a HOP row belongs to several windows; those that already fired (end <= the watermark in
-- force before the row) are skipped for that row and the others still count it; a row is late only
-- when every one of its windows has fired (then it is dropped and counted once).
-- HOP 10 s slide, 30 s size; watermark = max ts (no delay). Trace (seconds after 00:00:00):
--   x@2, x@15 (W 15: [-20,10) fires), y@12 (windows [10,40) [0,30) [-10,20): all open)
--   x@25 (W 25: [-10,20) fires)
--   x@8 (v 5): windows [0,30) open -> counted; [-10,20) and [-20,10) fired -> skipped
--   y@41 (W 41: [0,30) and [10,40) fire)
--   x@9 (v 7): its newest window [0,30) ended at 30 <= 41 -> late, dropped (1 late row)
--   y@33 (v 8): [30,60) and [20,50) open -> counted; [10,40) fired -> skipped
--   x@50
-- Verified: by hand (trace above) and DuckDB cross-check (duckdb.sql applies the watermark rule to
-- each (row, window) pair).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(HOP(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '30' SECOND))
GROUP BY k, window_start, window_end;
