-- Proves: text after a closing quote stops the run (default --on-bad-row fail) with one line
-- pointing at that text: line 3 is "MS"FT,1, and the F after the closing quote is column 5.
-- Verified: by hand.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty
FROM trades;
