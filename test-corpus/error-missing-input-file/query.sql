-- Proves: a table whose input file does not exist is reported at the path in the WITH clause.
-- Verified: by hand (position of the opening quote of 'no-such-file.csv').
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'no-such-file.csv');

SELECT symbol, qty
FROM trades;
