-- Proves: an INT compared with a DOUBLE bound and an INT bound in one condition (i >= 0.0 AND
-- i <= 5, BETWEEN -0.5 AND 1) compiles and filters numerically. Calcite's simplifier merged the two
-- bounds of i and threw "ClassCastException: BigDecimal cannot be cast to Double" (an internal
-- error) before the planner cast the INT side of INT-vs-DOUBLE comparisons to DOUBLE (found by
-- DifferentialFuzzTest: (i BETWEEN 0.0 AND 0) IS TRUE).
-- Rows: 1 (i = 3), 3 (i = 0) and 5 (i = 1) pass; 2 has a NULL i, 4 and 6 are out of range.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id BIGINT,
  i  INT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, i,
       i BETWEEN -0.5 AND 1   AS near_zero,
       i >= 0.0 AND i <= 0    AS is_zero,
       i IN (0, 2.5, 3)       AS listed
FROM t
WHERE i >= 0.0 AND i <= 5;
