-- Proves: three-valued logic in WHERE for OR. WHERE x > 5 OR flag:
--   1 (NULL, true): NULL OR TRUE = TRUE -> kept
--   2 (NULL, false): NULL OR FALSE = NULL -> dropped
--   3 (NULL, NULL): NULL -> dropped
--   4 (10, NULL): TRUE OR NULL = TRUE -> kept
--   5 (1, NULL): FALSE OR NULL = NULL -> dropped
--   6 (1, true) kept; 7 (1, false) dropped; 8 (10, false) kept
-- Verified: by hand (above) and DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id   BIGINT,
  x    INT,
  flag BOOLEAN
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, x, flag
FROM t
WHERE x > 5 OR flag;
