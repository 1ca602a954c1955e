-- Proves: a BIGINT overflow in an aggregate's argument of a row that WHERE keeps is the row loop's
-- error, naming the expression and the line, in both twins: on line 4, 4294967296 * 4294967296 =
-- 2^64 wraps to 0 in lanes, which no bound on the summed values would notice; the SIMD twin's
-- overflow mask leaves the batch to the row loop, whose multiplyExact fails. Line 3 overflows too,
-- but WHERE drops it.
-- Verified: by hand (2^32 * 2^32 = 2^64 > Long.MAX_VALUE; the message's expression and line).
CREATE TABLE t (
  a BIGINT,
  b BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, SUM(a * b) AS s
FROM t
WHERE a > 0;
