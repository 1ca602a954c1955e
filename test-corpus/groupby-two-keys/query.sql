-- Proves: GROUP BY two keys, one VARCHAR and one BIGINT: (AAPL, 1) and (MSFT, 1) and (AAPL, 2)
-- are different groups; changelog per (symbol, account) with COUNT, SUM and MAX (a row below the
-- current MAX still updates COUNT and SUM).
-- Verified: changelog by hand (each row touches only its own (symbol, account) group: +I on the
-- group's first row, else -U old / +U new); final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol  VARCHAR,
  account BIGINT,
  qty     BIGINT,
  price   DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, account, COUNT(*) AS trades, SUM(qty) AS volume, MAX(price) AS high
FROM trades
GROUP BY symbol, account;
