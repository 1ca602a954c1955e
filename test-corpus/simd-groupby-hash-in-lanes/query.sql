-- Proves: GROUP BY one NOT NULL column (here a BIGINT with extreme values) hashed 8 keys at a time
-- by the SIMD twin gives the groups and changelog of the scalar twin's row-by-row hash; the filter
-- runs in lanes too. 37 rows, so batches of 7 end in partial vector steps.
-- Rows: generated (seeded Python); keys -(2^63-1), -1, 0, 1, 42, 2^40.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  k   BIGINT NOT NULL,
  sym VARCHAR NOT NULL,
  v   BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, COUNT(*) AS n, SUM(v) AS total, MIN(sym) AS first_sym
FROM t
WHERE v IS NULL OR v >= -10
GROUP BY k;
