-- Proves: with --final-table (options.properties) a GROUP BY without a window emits no changelog:
-- one row per group (those HAVING keeps), once the input has ended; no op column.
-- Rows: the generated file of simd-groupby-filter-lanes.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  g BIGINT,
  v BIGINT,
  x INT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT g, COUNT(*) AS n, SUM(v) AS sv, MIN(x) AS mn
FROM t
WHERE x < 8
GROUP BY g
HAVING COUNT(*) > 2;
