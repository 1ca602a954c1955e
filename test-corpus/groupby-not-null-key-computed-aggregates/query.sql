-- Proves: GROUP BY one NOT NULL VARCHAR column (looked up by dictionary code in an array, hashed
-- only the first time a code is seen) with aggregates of computed arguments: every row's arguments
-- are computed, whether its group is found by index or by hash.
-- Rows: the generated file of simd-groupby-hash-in-lanes.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  k   BIGINT NOT NULL,
  sym VARCHAR NOT NULL,
  v   BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT sym, SUM(v * 2) AS twice, MIN(v - 1) AS low, COUNT(v + 1) AS n
FROM t
GROUP BY sym;
