-- Proves: non-windowed GROUP BY on one VARCHAR key emits a changelog: +I for a key's first row,
-- -U (old) then +U (new) for each later row of that key; SUM of BIGINT is BIGINT, negative and
-- zero quantities still change the row (COUNT changes).
-- Verified: changelog by hand (row by row: AAPL 10 -> +I; MSFT 5 -> +I; AAPL 20 -> 2,30;
-- GOOG 7 -> +I; MSFT 5 -> 2,10; AAPL -5 -> 3,25; GOOG 0 -> 2,7; MSFT 1 -> 3,11);
-- final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, COUNT(*) AS trades, SUM(qty) AS volume
FROM trades
GROUP BY symbol;
