-- Proves: EMIT CHANGES over a window: each (window, group) row is a changelog (+I, then -U/+U as
-- it changes), emitted at the end of each batch; when the window fires its changelog ends (no
-- further row) and a late row for it is dropped. Trace (1-minute TUMBLE, watermark = max ts):
--   a@10:00:10 v1 -> +I a 10:00 (1,1); b@10:00:20 v2 -> +I b 10:00 (1,2)
--   a@10:00:30 v3 -> -U a (1,1), +U a (2,4)
--   a@10:01:10 v4 -> +I a 10:01 (1,4); W 10:01:10: window 10:00 fires (nothing more to emit)
--   a@10:00:50 v5: late (10:01 <= 10:01:10), dropped
--   b@10:01:20 v6 -> +I b 10:01 (1,6)
-- Verified: by hand (trace above; expected.csv is the changelog one row at a time) and DuckDB
-- cross-check of the table it builds (watermark rule over file order).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY k, window_start, window_end
EMIT CHANGES;
