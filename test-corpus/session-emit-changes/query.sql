-- Proves: EMIT CHANGES over SESSION: a session's row appears (+I) with its first row, changes as
-- it grows (-U/+U, window_end included), and when a row bridges two sessions the later one is
-- deleted (-D) and the earlier one updated to the merged session. Gap 4 s, delay 5 s. Trace:
--   a@1 v1 -> +I a[1,5) (1,1); a@4 v2 -> -U a[1,5), +U a[1,8) (2,3)
--   b@5 v3 -> +I b[5,9) (1,3); a@12 v4 -> +I a[12,16) (1,4)
--   a@8 v5 (W 7): [8,12] touches a[1,8) and a[12,16) -> -D a[12,16) (1,4),
--     -U a[1,8) (2,3), +U a[1,16) (4,12)
--   b@30 v6 -> +I b[30,34); a@40 v7 -> +I a[40,44)
-- Verified: by hand (trace above; expected.csv is the changelog one row at a time) and DuckDB
-- cross-check of the table it builds (sessionized over the rows sorted by time).
CREATE TABLE t (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '4' SECOND))
GROUP BY k, window_start, window_end
EMIT CHANGES;
