-- Proves: Sluice's decided semantics for an aggregate without GROUP BY over empty input: no
-- changelog rows at all, only the header (batch SQL would return one row 0, NULL; Sluice emits
-- a group's row only once a row reaches it).
-- Verified: by hand (no input rows, so nothing is emitted). No duckdb.sql: DuckDB, like any batch
-- engine, returns one row (0, NULL) here.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, SUM(qty) AS total
FROM trades;
