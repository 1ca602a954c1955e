-- Proves: a late-data policy other than the default on a query without windows is an error (it
-- would silently mean nothing). Checked by hand.
CREATE TABLE t (
  k  VARCHAR,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'side-output');

SELECT k, COUNT(*) AS n
FROM t
GROUP BY k;
