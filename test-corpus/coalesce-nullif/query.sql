-- Proves: COALESCE takes the first non-NULL argument (mixing BIGINT and DOUBLE gives DOUBLE),
-- NULLIF(x, y) is NULL when x = y and x otherwise (NULL x stays NULL).
-- Verified: by hand (row 1: a; row 2: b; row 3: all NULL -> -1 and NULL; row 4: 7 = 7 -> NULL)
-- and DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id BIGINT,
  a  BIGINT,
  b  BIGINT,
  c  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, COALESCE(a, b, -1) AS first_ab, COALESCE(c, a) AS c_or_a, NULLIF(a, b) AS a_unless_b
FROM t;
