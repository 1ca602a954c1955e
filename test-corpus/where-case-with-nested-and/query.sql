-- Proves: a CASE condition whose WHEN holds an AND that normalizing nests, (id < id AND NULL
-- BETWEEN 100.0 AND 3), compiles; id < id is never true, so every row takes the ELSE TRUE branch.
-- The planner's normalized condition was flattened at the top only and Calcite's Filter rejected
-- the nested AND inside the CASE under assertions ("RexUtil.isFlat should be true") until it
-- flattened every level (found by DifferentialFuzzTest).
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id  BIGINT,
  qty BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, qty
FROM t
WHERE CASE WHEN (id < id AND CAST(NULL AS INT) BETWEEN 100.0 AND 3) THEN CAST(NULL AS INT) IN (0)
           ELSE TRUE END;
