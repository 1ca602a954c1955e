-- Proves: an aggregate without GROUP BY whose arguments are arithmetic over columns computes them
-- in lanes in the SIMD twin's fused loop (BIGINT + - *, DOUBLE + - * /, an INT widened by CAST, a
-- BIGINT converted for DOUBLE arithmetic, NULL when an operand is NULL) and gives the scalar
-- twin's result; 45 rows so batches of 7 and of 4096 end in partial vector steps.
-- Rows: those of simd-no-groupby-filter-lanes; every DOUBLE is a multiple of 0.5, so the DOUBLE
-- sums are exact in any order.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  k BIGINT,
  v BIGINT,
  x INT,
  d DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, SUM(v * 3 + CAST(x AS BIGINT)) AS s1, SUM(d * v) AS s2, SUM(d / 2 - x) AS s3,
       MAX(v - k) AS mx, MIN(CAST(x AS BIGINT) * 2) AS mn, AVG(v + k) AS a1, COUNT(k * v) AS c
FROM t
WHERE v < 50 AND (x >= 2 OR d > 1.5) OR k IS NULL;
