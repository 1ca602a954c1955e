-- Proves: a WATERMARK delay whose interval text is not a number is a positioned compile error, not
-- an internal error (found by the bad-input fuzzer).
-- Verified: by hand.
CREATE TABLE t (
  ts TIMESTAMP(3),
  v  BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL 'format' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT v FROM t;
