-- Proves: CAST of a constant to VARCHAR gives the same text as the same cast over a column:
-- BOOLEAN as true/false, TIMESTAMP as yyyy-MM-dd HH:mm:ss.SSS. Calcite folded such casts while
-- planning with its own formatting ('TRUE', '2024-01-01 10:00:00'); the planner now leaves them
-- to the generated code (found by DifferentialFuzzTest: CAST(TRUE AS VARCHAR) gave 'TRUE').
-- Verified: DuckDB cross-check (duckdb.sql; DuckDB's strftime with %g gives the milliseconds).
CREATE TABLE t (
  id   BIGINT,
  flag BOOLEAN,
  ts   TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       CAST(TRUE AS VARCHAR)                           AS true_const,
       CAST(flag AS VARCHAR)                           AS flag_text,
       CAST(TIMESTAMP '2024-01-01 10:00:00' AS VARCHAR) AS ts_const,
       CAST(ts AS VARCHAR)                             AS ts_text,
       CAST(42 AS VARCHAR)                             AS int_const,
       CAST(FALSE AS VARCHAR) = CAST(flag AS VARCHAR)  AS same_as_false
FROM t;
