-- Proves: WHERE with BETWEEN (bounds inclusive), IN list and IS NULL combined with AND; a NULL
-- symbol or price makes the predicate NULL and drops the row; an empty-string note ("") is not
-- NULL. Rows: 1, 2 pass; 3 has a note; 4 GOOG; 5 below 100; 6 NULL symbol; 7 NULL price;
-- 8 note is "".
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  id     BIGINT,
  symbol VARCHAR,
  price  DOUBLE,
  note   VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, symbol, price
FROM trades
WHERE price BETWEEN 100 AND 200
  AND symbol IN ('AAPL', 'MSFT')
  AND note IS NULL;
