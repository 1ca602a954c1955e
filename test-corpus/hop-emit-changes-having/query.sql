-- Proves: EMIT CHANGES over HOP with HAVING: a (window, group) row appears (+I) when HAVING first
-- keeps it, changes as -U/+U, and is deleted (-D) when HAVING stops keeping it; one row updates
-- each of its windows (newest window first); a window that fired emits nothing more.
-- HOP 10 s slide, 20 s size, 5 s delay; HAVING COUNT(*) >= 2 AND MAX(v) < 10. Trace (seconds):
--   x@1 v1: x[0,20) and x[-10,10) have 1 row -> nothing
--   x@8 v2: +I x[0,20) (2,3), +I x[-10,10) (2,3)
--   y@12 v3: y[10,30), y[0,20) 1 row -> nothing
--   x@15 v4: x[10,30) 1 row; -U x[0,20) (2,3), +U x[0,20) (3,7); W 10: [-10,10) fires
--   y@18 v5: +I y[10,30) (2,8), +I y[0,20) (2,8)
--   x@3 v6 (W 13): [0,20) open: -U x[0,20) (3,7), +U (4,13); [-10,10) fired: skipped
--   x@16 v12: x[10,30) has 2 rows but MAX 12 -> nothing; x[0,20) MAX 12 -> -D x[0,20) (4,13)
-- Verified: by hand (trace above; expected.csv is the changelog one row at a time) and DuckDB
-- cross-check of the table it builds (hopping windows by generate_series, watermark rule, HAVING).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(HOP(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '20' SECOND))
GROUP BY k, window_start, window_end
HAVING COUNT(*) >= 2 AND MAX(v) < 10
EMIT CHANGES;
