-- Proves: non-windowed HAVING: a group not passing emits nothing; when it starts passing -> +I;
-- when it stops passing -> -D with the last emitted values; passing again -> +I; an update while
-- passing -> -U/+U; an update that leaves the passing row unchanged -> nothing.
-- Verified: by hand, net per row: A 5 (fails) | B 12 -> +I B,12 | A 11 -> +I A,11 |
-- A 8 -> -D A,11 | B 8 -> -D B,12 | A 6 (fails) | B 9 (fails) | A 10 -> +I A,10 |
-- A 10 (qty 0, unchanged) -> nothing | A 13 -> -U A,10 +U A,13 | B 14 -> +I B,14.
-- Final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, SUM(qty) AS net
FROM trades
GROUP BY symbol
HAVING SUM(qty) >= 10;
