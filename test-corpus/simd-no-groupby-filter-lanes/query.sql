-- Proves: an aggregate without GROUP BY whose WHERE runs in lanes (the fused loop of the SIMD twin,
-- and its scalar twin) keeps SQL's three-valued logic (a NULL comparison fails the row, `OR k IS
-- NULL` lets NULL-k rows in), skips NULLs in COUNT(d)/SUM/MIN/MAX/AVG, widens INT sums to BIGINT,
-- orders NaN above every number (the NaN row passes `d > 1.5` but not `v < 50`), and equals
-- -0.0 to 0.0; 45 rows so batches of 7 and of 4096 end in partial vector steps.
-- Rows: generated (seeded Python, see git history); every DOUBLE is a multiple of 0.5, so sums are
-- exact in any order.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  k BIGINT,
  v BIGINT,
  x INT,
  d DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, COUNT(d) AS nd, SUM(v) AS sv, SUM(x) AS sx, SUM(d) AS sd, MIN(x) AS mnx,
       MAX(v) AS mxv, AVG(v) AS av, AVG(d) AS ad
FROM t
WHERE v < 50 AND (x >= 2 OR d > 1.5) OR k IS NULL;
