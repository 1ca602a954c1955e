-- Proves: aggregates without GROUP BY are one group with a changelog (+I, then -U/+U); a row
-- removed by WHERE changes nothing (TEST row; the NULL-symbol row, whose predicate is NULL);
-- NULL qty / NULL price are skipped by SUM / MIN / MAX / AVG but counted by COUNT(*).
-- Verified: by hand: AAPL -> 1,10,100.0,100.0,100.0 | MSFT -> 2,15,50.5,100.0,75.25 |
-- TEST filtered | AAPL qty NULL @102.0 -> 3,15,50.5,102.0,84.16666666666667 (252.5/3) |
-- NULL symbol filtered | GOOG 7, price NULL -> 4,22, prices unchanged.
-- Final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT COUNT(*) AS n, SUM(qty) AS total, MIN(price) AS low, MAX(price) AS high,
       AVG(price) AS avg_price
FROM trades
WHERE symbol <> 'TEST';
