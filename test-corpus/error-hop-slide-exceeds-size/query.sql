-- Proves: a HOP whose slide exceeds its size is rejected (rows between two windows would belong to
-- none and be lost without being counted). Checked by hand: the message names both intervals.
CREATE TABLE t (
  k  VARCHAR,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n
FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '30' SECOND))
GROUP BY k, window_start, window_end;
