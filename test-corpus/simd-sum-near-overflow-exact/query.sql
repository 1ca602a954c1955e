-- Proves: a BIGINT SUM whose values are near the type's limits is exact and does not fail when
-- no prefix of the rows, in row order, overflows: the fused loop cannot prove a batch safe (its
-- bound |sum| + rows * max|v| passes 2^62) and hands it to the checked row loop.
-- Rows v: 2^62, 2^62-1, -2^62, -(2^63-1), 2^63-1, -(2^62-1), 12; the running sums
-- 2^62, 2^63-1, 2^62-1, -2^62, 2^62-1, 0, 12 all fit in BIGINT; x counts the rows.
-- Verified: by hand (above); final table: DuckDB cross-check (duckdb.sql, HUGEINT sum cast back).
CREATE TABLE t (
  v BIGINT,
  x INT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT SUM(v) AS total, COUNT(*) AS n, SUM(x) AS sx
FROM t
WHERE x > 0;
