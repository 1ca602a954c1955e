-- Proves: an unparsable number in the input stops the run at the field's line and column.
-- Line 3 is "AAPL,1O,2024-01-01 10:00:01" (letter O, not zero); qty starts at column 6.
-- Verified: by hand.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty, ts
FROM trades;
