-- Proves: sessions are kept per key, so GROUP BY over SESSION must group by the session's key
-- columns (besides window_start, window_end) and nothing else. Checked by hand.
CREATE TABLE t (
  k  VARCHAR,
  j  VARCHAR,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT j, window_start, window_end, COUNT(*) AS n
FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY j, window_start, window_end;
