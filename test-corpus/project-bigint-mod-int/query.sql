-- Proves: BIGINT % INT takes the remainder of the whole BIGINT dividend. Calcite types the result
-- as INT (the divisor's type, which the remainder always fits); the generated code narrowed the
-- dividend to INT first, so 5000000000 % 3 gave 1 instead of 2 and
-- -9223372036854775807 % 2147483647 gave 1 instead of -1 (found by DifferentialFuzzTest).
-- Expected: 9223372036854775807 = 2^63 - 1 and 2^31 = 1 (mod 2^31 - 1), so 2^63 - 1 = 2 - 1 = 1
-- (mod 2^31 - 1): -1 with the dividend's sign; 9223372036854775807 % 10 = 7;
-- 5000000000 = 3 * 1666666666 + 2; 5000000000 = 7 * 714285714 + 2, so -5000000000 % 7 = -2;
-- NULL operands give NULL.
-- Verified: by hand (above) and DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  a BIGINT,
  b INT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT a, b, a % b AS r
FROM t;
