-- Proves: BIGINT arithmetic in an aggregate's argument that overflows in lanes (or might: factors
-- beyond 2^31) is left to the row loop, whose checked arithmetic decides: line 3's a + b overflows
-- but WHERE drops the row, so it is no error; line 5's 4294967296 * 3 is beyond the lanes' bound
-- but fits (12884901888); line 6 has a NULL b, so its a + b is NULL and not computed at all.
-- Both twins, every batch size, give the same rows.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal.
CREATE TABLE t (
  a BIGINT,
  b BIGINT,
  keep BOOLEAN
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, SUM(a + b) AS s, MAX(a * b) AS p, MIN(a - b) AS d
FROM t
WHERE keep;
