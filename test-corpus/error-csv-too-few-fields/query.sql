-- Proves: an input row with fewer fields than the header stops the run with file:line:column
-- (no row disappears silently). Line 4 is "MSFT,5" (2 of 3 fields); the column is where the
-- missing third field should start, just past the end of the line (column 7).
-- Verified: by hand.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty, ts
FROM trades;
