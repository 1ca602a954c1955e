-- Proves: a quote that is never closed stops the run (default --on-bad-row fail) with one line
-- pointing at the opening quote: line 3 is IBM,"4 and the quote is column 5; no closing quote
-- follows before the end of the file.
-- Verified: by hand.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty
FROM trades;
