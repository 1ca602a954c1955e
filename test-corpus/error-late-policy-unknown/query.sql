-- Proves: an unknown 'late.policy' value is an error at the option, listing the known policies.
-- Checked by hand.
CREATE TABLE t (
  k  VARCHAR,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'keep');

SELECT k, window_start, window_end, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY k, window_start, window_end;
