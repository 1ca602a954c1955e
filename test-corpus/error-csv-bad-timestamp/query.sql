-- Proves: an invalid timestamp (month 13) stops the run at the field's line and column.
-- Line 5 is "GOOG,7,2024-13-01 10:00:00"; ts starts at column 8.
-- Verified: by hand.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty, ts
FROM trades;
