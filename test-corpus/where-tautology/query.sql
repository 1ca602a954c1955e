-- Proves: a WHERE that simplifies to TRUE, (qty = qty) OR TRUE, keeps every row, including the one
-- with a NULL qty (NULL OR TRUE is TRUE). Normalizing it leaves a nested OR, which Calcite's Filter
-- rejects under assertions ("RexUtil.isFlat should be true"): the planner flattens normalized
-- conditions (found by DifferentialFuzzTest after the normalization of
-- where-constant-case-condition).
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id  BIGINT,
  qty BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, qty, (qty = qty) OR TRUE AS always
FROM t
WHERE (qty = qty) OR TRUE;
