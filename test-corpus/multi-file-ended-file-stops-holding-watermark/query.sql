-- Proves: a table read from several files (a 'path' glob) has one watermark per file and the
-- query's watermark is the minimum over the files still holding it back; a file that has ended
-- stops holding it back once the others' event time has moved past it by the idle timeout (here
-- the default, 0 s).
-- Verified: by hand. Files are merged one row at a time, round robin: a@10:00:10, b@10:00:20,
-- a@10:00:50, then b ends (its last event 10:00:20 is 30 s behind a's 10:00:50 > 0 s: idle, so
-- W = W_a = 10:00:50), a@10:01:30 (W before it 10:00:50: on time), a@10:00:40 (W before it
-- 10:01:30 >= its window end 10:01:00: LATE, dropped), a@10:02:05. Windows: 10:00 has 3 rows
-- (a 10:00:10, b 10:00:20, a 10:00:50), 10:01 has 1, 10:02 has 1.
CREATE TABLE events (
  src VARCHAR,
  ts  TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('format' = 'csv', 'path' = 'part-*.csv');

SELECT window_start, window_end, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
