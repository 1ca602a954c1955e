-- Proves: as GROUP BY keys, -0.0 and 0.0 are one group and every NaN is one group (README:
-- -0.0 equals 0.0, NaN equals itself); MIN and MAX of DOUBLE order NaN above Infinity.
-- Rows (d, x, v): (0.0, 1.0, 1) (-0.0, NaN, 2) (NaN, Infinity, 3) (1.5, -Infinity, 4)
-- (NaN, NaN, 5) (-0.0, Infinity, 6) (Infinity, 2.0, 7).
-- Changelog, by hand, one row at a time: 0.0 +I (n 1, total 1, lo = hi = 1.0); -0.0 joins that
-- group (its key stays 0.0): n 2, total 3, hi NaN (NaN > 1.0); NaN +I (lo = hi = Infinity);
-- 1.5 +I; the second NaN joins the NaN group: n 2, total 8, hi NaN (NaN > Infinity), lo stays
-- Infinity; the second -0.0 joins the zero group: n 3, total 9, Infinity < NaN so hi stays NaN;
-- Infinity +I.
-- Verified: changelog by hand (above); final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  d DOUBLE,
  x DOUBLE,
  v BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT d, COUNT(*) AS n, SUM(v) AS total, MIN(x) AS lo, MAX(x) AS hi
FROM t
GROUP BY d;
