-- Proves: GROUP BY with a WHERE that runs in lanes (the SIMD twin selects the passing rows 8 at a
-- time, then groups them; the scalar twin filters row by row) gives the same changelog: rows with a
-- NULL v or x fail `v > -50 AND x <> 3`, BETWEEN-style ranges expand to comparisons.
-- Rows: generated (seeded Python); 40 rows so batches of 7 end in partial vector steps.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  g BIGINT,
  v BIGINT,
  x INT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT g, COUNT(*) AS n, SUM(v) AS sv, MAX(x) AS mx
FROM t
WHERE v > -50 AND x <> 3 AND v BETWEEN -60 AND 90
GROUP BY g;
