-- Proves: NULL keys form their own group (output key is an empty field), distinct from the
-- empty-string key (""); COUNT(*) counts rows, COUNT(qty) skips NULLs; SUM/MIN/MAX/AVG ignore
-- NULLs and are NULL for a group whose values are all NULL (MSFT); a NULL value still emits an
-- update because COUNT(*) changes; AVG is DOUBLE.
-- Verified: changelog by hand (AAPL: 10 -> 1,1,10,10,10,10.0; NULL -> 2,1 rest same;
-- 4 -> 3,2,14,4,10,7.0. NULL key: 5 -> 1,1,5..; NULL -> 2,1; 7 -> 3,2,12,5,7,6.0.
-- MSFT: NULL -> 1,0,all NULL; NULL -> 2,0. "": 3 -> 1,1,3,3,3,3.0);
-- final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol,
       COUNT(*)   AS n,
       COUNT(qty) AS n_qty,
       SUM(qty)   AS total,
       MIN(qty)   AS lo,
       MAX(qty)   AS hi,
       AVG(qty)   AS mean
FROM trades
GROUP BY symbol;
