-- Proves: late data over SESSION (gap 10 s, watermark = max ts, late rows dropped by default):
-- a row is late when its own session [ts, ts + 10 s) ended at or before the watermark and it
-- touches no open session of its key; a row whose own session ended but which touches an open
-- session joins it (as Flink merges before checking lateness); a row that touches a session that
-- already fired, but whose own session is still open, starts a new session (the fired one is gone).
-- Trace (seconds after 12:00:00; W = watermark in force before the row):
--   a@0 -> a[0,10) | a@5 -> a[0,15) | b@7 -> b[7,17)
--   a@25 -> a[25,35); W becomes 25: a[0,15) and b[7,17) fire
--   b@16 (W 25): own [16,26) ends after 25 -> not late; b[7,17) has fired -> new session b[16,26)
--   a@12 (W 25): own [12,22) ended, touches no open session of a -> LATE, dropped
--   a@15 (W 25): own [15,25) ended, but touches a[25,35) (25 <= 25) -> merged: a[15,35)
--   b@40 -> b[40,50); W becomes 40: b[16,26) and a[15,35) fire
--   b@33 (W 40): own [33,43) open, touches b[40,50) -> b[33,50); end of input fires it
-- Sessions: a[0,15) 2 rows 1+2; b[7,17) 3; b[16,26) 5; a[15,35) 4+7; b[33,50) 8+9.
-- Verified: by hand (trace above).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(SESSION(TABLE events PARTITION BY k, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY k, window_start, window_end;
