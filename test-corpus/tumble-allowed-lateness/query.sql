-- Proves: 'late.policy' = 'allowed-lateness' with 'late.allowed-lateness' = '30s': a window fires
-- when the watermark passes its end (+I per group), then stays open 30 s more: a late row within
-- that updates it (-U old row, +U new row; +I for a group the window did not have); once the
-- watermark passes end + 30 s its state is freed and later rows for it are dropped and counted.
-- The output is a changelog. Trace (1-minute TUMBLE, watermark = max ts; W after the row):
--   a@10:00:10 v1, b@10:00:20 v2
--   a@10:01:05 v3 (W 10:01:05): window 10:00 fires: +I a (1,1), +I b (1,2)
--   a@10:00:50 v4: end 10:01 <= W but 10:01 + 30 s > W -> -U a (1,1), +U a (2,5)
--   c@10:00:40 v5: same window, new group -> +I c (1,5)
--   a@10:01:40 v6 (W 10:01:40 >= 10:01:30: window 10:00 freed)
--   b@10:00:59 v7: 10:01 + 30 s <= 10:01:40 -> dropped, counted late
--   b@10:01:20 v8; a@10:02:10 v9 (W 10:02:10): window 10:01 fires: +I a (2,9), +I b (1,8)
--   a@10:01:55 v10: within lateness -> -U a (2,9), +U a (3,19); end of input: +I a 10:02 (1,9)
-- Verified: by hand (trace above; expected.csv is the changelog one row at a time) and DuckDB
-- cross-check of the table the changelog builds (rows whose window end + 30 s is after the
-- watermark in force before them).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'allowed-lateness',
        'late.allowed-lateness' = '30s');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY k, window_start, window_end;
