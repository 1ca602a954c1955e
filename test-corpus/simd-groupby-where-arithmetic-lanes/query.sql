-- Proves: GROUP BY with a WHERE whose comparisons take BIGINT and DOUBLE arithmetic over columns and
-- literals runs in lanes (the SIMD twin selects the passing rows 8 at a time: + - * of BIGINT
-- lanes, an INT column widened, DOUBLE * and -, CAST(100 AS DOUBLE) compared as the literal) and
-- gives the scalar twin's changelog: a NULL in any operand makes its comparison NULL, so the row
-- fails WHERE. No value comes near overflow here (simd-groupby-where-overflow-left-to-scalar has those).
-- Rows: generated (seeded Python); 40 rows so batches of 7 end in partial vector steps.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  g BIGINT,
  a BIGINT,
  b BIGINT,
  d DOUBLE,
  x INT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT g, COUNT(*) AS n, SUM(a) AS sa, MAX(b) AS mb
FROM t
WHERE a + b > 10 AND a * 3 - b <> 7 AND d * 2.0 - 1.5 < 100 AND a - b < CAST(x AS BIGINT) + 20
GROUP BY g;
