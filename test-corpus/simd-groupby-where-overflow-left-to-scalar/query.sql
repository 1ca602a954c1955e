-- Proves: BIGINT arithmetic in a WHERE that runs in lanes, where a lane overflows (or might: a
-- factor beyond 2^31), leaves its batch to the scalar twin, whose checked arithmetic and
-- short-circuit AND decide: lines 3, 8 and 13 overflow a * b but `keep` is FALSE, so the scalar
-- code never computes it (no error); line 4's 4294967296 * 3 and line 9's 3037000499^2
-- (9223372030926249001, just below 2^63) are beyond the lanes' bound but fit; line 12's
-- 9223372036854775807 * 1 fits. NULL a or b: the product is NULL, the row fails WHERE.
-- Verified: by hand (the products above; rows kept: lines 2, 4, 5, 9, 11, 12; line 10 fails 25 > 100), and the
-- changelog at batch size 1 equals the scalar twin's, row by row, in both twins.
CREATE TABLE t (
  g BIGINT,
  a BIGINT,
  b BIGINT,
  keep BOOLEAN
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT g, COUNT(*) AS n, SUM(b) AS sb, MAX(a) AS ma
FROM t
WHERE keep AND a * b > 100
GROUP BY g;
