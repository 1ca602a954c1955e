-- Proves: a window function (aggregate OVER a partition) is rejected at the OVER keyword.
-- Verified: by hand (the error points at the windowed aggregate, SUM(qty) OVER ...).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, SUM(qty) OVER (PARTITION BY symbol) AS running_total
FROM trades;
