-- Proves: 'allowed-lateness' over SESSION (gap 10 s, lateness 20 s, watermark = max ts): a fired
-- session is kept 20 s past its end; a late row that touches it merges into it and the session's
-- row is updated (-U/+U, bounds included); a row that widens a fired session past the watermark
-- re-opens it: its emitted row is retracted (-D) and it fires again at its new end; a late row
-- whose own session has passed its lateness but that touches a kept session still merges into it
-- (as Flink checks lateness after merging); a late row within the lateness that touches nothing
-- opens a session that has already ended and is emitted at once (+I). Trace (seconds; W before):
--   a@0 v1 -> a[0,10); a@4 v2 -> a[0,14); b@6 v3 -> b[6,16)
--   a@20 v4 -> a[20,30); W 20: a[0,14) fires +I (2,3), b[6,16) fires +I (1,3)
--   a@12 v5 (W 20): touches a[0,14) (kept) and a[20,30) -> one session a[0,30), which ends after
--     W: re-opened -> -D a[0,14) (2,3)
--   b@2 v6 (W 20): own [2,12) ended but 12 + 20 > 20; touches kept b[6,16) -> b[2,16), still
--     ended -> -U b[6,16) (1,3), +U b[2,16) (2,9)
--   a@40 v7 -> a[40,50); W 40: a[0,30) fires +I (4,12) (rows v1 v2 v4 v5); b[2,16) freed (16 + 20 <= 40)
--   b@15 v8 (W 40): own [15,25), 25 + 20 > 40; b has no session left -> b[15,25), already ended:
--     +I b[15,25) (1,8)
--   a@5 v9 (W 40): own [5,15) is past its lateness (15 + 20 <= 40), but touches kept a[0,30) ->
--     merged, not late: -U a[0,30) (4,12), +U a[0,30) (5,21)
--   end of input: a[40,50) fires +I (1,7)
-- Verified: by hand (trace above; expected.csv is the changelog one row at a time).
CREATE TABLE events (
  k  VARCHAR,
  v  BIGINT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'allowed-lateness',
        'late.allowed-lateness' = '20s');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM TABLE(SESSION(TABLE events PARTITION BY k, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY k, window_start, window_end;
