-- Proves: a BIGINT overflow in WHERE is the row's error in both twins, naming the expression and
-- the line: the SIMD twin computes a * 3 in lanes, where 3074457345618258603 * 3 (line 4) wraps to a
-- negative number and the row would silently fail `> 0`; its overflow mask (exact for a product by
-- a literal: a outside [MIN / 3, MAX / 3]) leaves the batch to the scalar code, whose multiplyExact
-- fails. Line 3's 3074457345618258602 * 3 = 9223372036854775806 fits, and stays in lanes. COUNT(*)
-- only: a SUM of such values would send the batch to the row loop by itself.
-- Verified: by hand (3074457345618258603 * 3 = 9223372036854775809 > Long.MAX_VALUE).
CREATE TABLE t (
  a BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n
FROM t
WHERE a * 3 > 0;
