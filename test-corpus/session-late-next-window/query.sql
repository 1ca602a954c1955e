-- Proves: 'late.policy' = 'next-window' over SESSION: a late row (its own session [ts, ts + gap)
-- ended at or before the watermark W and it touches no open session of its key) is counted as
-- late and aggregated as if its time were W: it joins the open session of its key that [W, W + gap]
-- touches, or opens [W, W + gap). Gap 10 s, watermark = max ts. Trace (seconds):
--   a@0 -> a[0,10); a@30 -> a[30,40), W 30: a[0,10) fires
--   a@5 (v 3): own [5,15) ended, touches no open session -> late -> time 30: joins a[30,40)
--   b@12 (v 4): late, b has no session -> time 30: b[30,40)
--   a@45 -> a[45,55); W 45: a[30,40) and b[30,40) fire; end of input fires a[45,55)
-- Verified: by hand (trace above).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'next-window');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(SESSION(TABLE events PARTITION BY k, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY k, window_start, window_end;
