-- Proves: as error-sum-overflow-fused-odd-step-max, for the smallest value: the two values -2^62
-- (lines 10-11, rows 8-9: the second whole step of a 4096-row batch, whose minimum the fused loop
-- keeps in its second accumulators) make the sum -8 - 2^63 < Long.MIN_VALUE at line 11; without
-- the merge of that step's minimum the lanes' sum would wrap and the query would succeed.
-- Verified: by hand.
CREATE TABLE t (
  v BIGINT NOT NULL
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, SUM(v) AS s
FROM t;
