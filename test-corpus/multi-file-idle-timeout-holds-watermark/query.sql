-- Proves: with an idle timeout (--idle-timeout 10m, options.properties), a file that has ended
-- keeps holding the watermark back until the other files' event time is 10 minutes past its last
-- row: the same input as multi-file-ended-file-stops-holding-watermark, but the out-of-order row
-- is not late.
-- Verified: by hand. Merged order a@10:00:10, b@10:00:20, a@10:00:50, (b ends: 30 s behind,
-- under 10 min, so it still holds W = min(W_a, W_b) = 10:00:20), a@10:01:30 (b now 70 s behind:
-- W stays 10:00:20), a@10:00:40 (W before it 10:00:20 < its window end 10:01:00: on time, counted),
-- a@10:02:05. Windows: 10:00 has 4 rows, 10:01 has 1, 10:02 has 1; end of input fires them all.
CREATE TABLE events (
  src VARCHAR,
  ts  TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'part-*.csv');

SELECT window_start, window_end, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
