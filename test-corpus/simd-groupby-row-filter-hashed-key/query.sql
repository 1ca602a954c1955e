-- Proves: when WHERE cannot run in lanes (a VARCHAR comparison) but the group key is hashed in
-- lanes, the SIMD twin still filters row by row: rows of symbol X are filtered out and counted.
-- Rows: the generated file of simd-groupby-hash-in-lanes.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  k   BIGINT NOT NULL,
  sym VARCHAR NOT NULL,
  v   BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, COUNT(*) AS n, SUM(v) AS total
FROM t
WHERE sym <> 'X'
GROUP BY k;
