-- Proves: the fused aggregate without GROUP BY bounds its lanes' BIGINT sum with the largest value
-- of every whole 8-row step, including the steps it folds into its second set of accumulators
-- (whole steps go two at a time, the second into s/lo/hi "b", merged after the loop): here the two
-- values 2^62 (lines 10-11) are in rows 8-9, the second step of a 4096-row batch, so without the
-- merge of that step's maximum the overflow check would pass and the lanes' sum would wrap; with it
-- the batch goes row by row and fails at line 11 (8 + 2^63 > Long.MAX_VALUE). Smaller batches fail
-- at the same line row by row.
-- Verified: by hand.
CREATE TABLE t (
  v BIGINT NOT NULL
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, SUM(v) AS s
FROM t;
