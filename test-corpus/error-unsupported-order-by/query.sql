-- Proves: ORDER BY (unsupported: streaming output has no global order) is rejected at ORDER.
-- Verified: by hand (position of ORDER).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty
FROM trades
ORDER BY qty;
