-- Proves: a row that leaves a group's output row unchanged emits nothing (MAX not raised, no
-- COUNT in the select), including a NULL price; rows removed by WHERE (qty 0, and qty NULL where
-- the predicate is NULL) change nothing even when their price would raise the MAX.
-- Verified: by hand: A 10.0 -> +I | A 9.5 nothing | B 20.0 -> +I | A qty 0 filtered |
-- A 10.0 (equal) nothing | B 21.5 -> -U B,20.0 +U B,21.5 | A qty NULL filtered |
-- A 10.25 -> -U A,10.0 +U A,10.25 | B NULL price nothing. Final table: DuckDB cross-check.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, MAX(price) AS high
FROM trades
WHERE qty > 0
GROUP BY symbol;
