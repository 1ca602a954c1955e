-- Proves: comparing VARCHAR with a number is a compile-time type error, reported at the start of
-- the comparison (its VARCHAR operand), not an implicit cast.
-- Verified: by hand (position of symbol in WHERE).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty
FROM trades
WHERE symbol > 5;
