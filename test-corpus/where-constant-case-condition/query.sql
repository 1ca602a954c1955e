-- Proves: a condition Calcite can simplify (a CASE whose branches are all TRUE) compiles and
-- filters as written. Calcite asserts that a Calc's program is normalized: with assertions
-- enabled (as in the test run) this query stopped with "AssertionError: Program is not
-- normalized" before the planner normalized filters and projections itself (found by
-- DifferentialFuzzTest, shrunk to this condition). Rows 1 and 4 pass (qty > 1); row 2 has a NULL
-- qty, row 3 qty = 0.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id  BIGINT,
  qty BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, qty
FROM t
WHERE qty > 1 AND CASE WHEN TRUE THEN TRUE WHEN TRUE THEN TRUE WHEN TRUE THEN TRUE ELSE TRUE END;
