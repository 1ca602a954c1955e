-- Proves: three-valued logic in WHERE: only TRUE keeps a row. WHERE NOT (x > 5 AND flag):
--   1 (NULL, false): NULL AND FALSE = FALSE, NOT -> TRUE  -> kept
--   2 (NULL, true):  NULL AND TRUE = NULL, NOT NULL = NULL -> dropped
--   3 (10, true): TRUE -> NOT -> FALSE -> dropped
--   4 (1, true): FALSE -> TRUE -> kept
--   5 (10, NULL): TRUE AND NULL = NULL -> dropped
--   6 (1, NULL): FALSE AND NULL = FALSE -> TRUE -> kept
--   7 (10, false): FALSE -> TRUE -> kept
-- Verified: by hand (above) and DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id   BIGINT,
  x    INT,
  flag BOOLEAN
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, x, flag
FROM t
WHERE NOT (x > 5 AND flag);
