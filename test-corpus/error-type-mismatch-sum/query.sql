-- Proves: SUM of a VARCHAR column is a compile-time type error, reported at the SUM call.
-- Verified: by hand (position of SUM).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT SUM(symbol) AS total
FROM trades;
