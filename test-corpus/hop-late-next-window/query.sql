-- Proves: 'late.policy' = 'next-window' over HOP: a row whose windows have all fired is counted
-- (once, as late) in the windows containing the watermark W in force before it (the oldest
-- windows still open), as if its time were W; a row with some windows still open is not late and
-- counts only in those. HOP 10 s slide, 20 s size, watermark = max ts. Trace (seconds):
--   x@3 (windows [-10,10) [0,20)), x@14 (W 14: [-10,10) fires), x@25 (W 25: [0,20) fires)
--   x@8 v 4: [0,20) and [-10,10) fired -> late -> time 25: windows [20,40) and [10,30)
--   x@19 v 5: [10,30) open -> counted; [0,20) fired -> skipped (not late)
--   x@41
-- Results: [-10,10) {1}; [0,20) {1,2}; [10,30) {2,3,4,5}; [20,40) {3,4}; [30,50) {6}; [40,60) {6}.
-- Verified: by hand (trace above) and DuckDB cross-check (late rows moved to their watermark,
-- then every (row, window) pair checked against the watermark rule).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'next-window');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(HOP(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '20' SECOND))
GROUP BY k, window_start, window_end;
