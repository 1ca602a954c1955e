-- Proves: selecting a column that is neither grouped nor aggregated is rejected at that column.
-- Verified: by hand (position of qty in the select list).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty
FROM trades
GROUP BY symbol;
