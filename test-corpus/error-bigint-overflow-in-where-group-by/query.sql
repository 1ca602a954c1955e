-- Proves: a BIGINT overflow in the WHERE of a GROUP BY is the row's error in both twins, naming the
-- expression and the line: the SIMD twin selects rows in lanes, where 4294967296 * 4294967296 (line
-- 3) wraps to 0 and the row would silently fail `> 0`; its overflow mask (a factor beyond 2^31)
-- makes the lane selection give up, and the scalar code's multiplyExact fails.
-- Verified: by hand (2^32 * 2^32 = 2^64 > Long.MAX_VALUE).
CREATE TABLE t (
  g BIGINT,
  a BIGINT,
  b BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT g, COUNT(*) AS n
FROM t
WHERE a * b > 0
GROUP BY g;
