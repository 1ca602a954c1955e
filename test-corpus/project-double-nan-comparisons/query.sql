-- Proves: DOUBLE comparisons treat NaN as equal to itself and greater than every number, Infinity
-- included, and -0.0 as equal to 0.0 (README "Semantics decided", as PostgreSQL and DuckDB do),
-- in =, <>, >, <, >=, BETWEEN, IN and a CASE condition; a NULL operand still gives NULL (row 6,
-- except where the other side decides: NaN BETWEEN 0.0 AND NULL has 0.0 <= NaN true, so it is
-- NULL; NaN IN (1.0, NULL) is NULL).
-- Expected, by hand: row 1 NaN = NaN; row 2 NaN > Infinity; row 3 NaN > 1.0; row 4 1.0 < NaN, so
-- 1.0 BETWEEN 0.0 AND NaN; row 5 -Infinity < NaN; row 8 -0.0 = 0.0 and -0.0 BETWEEN 0.0 AND 0.0.
-- Verified: by hand (above) and DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id BIGINT,
  x  DOUBLE,
  y  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       x = y                  AS eq,
       x <> y                 AS ne,
       x > y                  AS gt,
       x < y                  AS lt,
       x >= y                 AS ge,
       x BETWEEN 0.0 AND y    AS between_zero_and_y,
       x IN (1.0, y)          AS one_or_y,
       CASE WHEN x > 1e308 THEN 'above 1e308' ELSE 'not above' END AS size
FROM t;
