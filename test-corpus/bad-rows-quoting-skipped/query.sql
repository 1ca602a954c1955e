-- Proves: with --on-bad-row skip, malformed quoting makes a bad row like any other, and reading
-- goes on at the next line: line 3 has text after a closing quote ("MS"FT); lines 4-5 are a good
-- row whose quoted symbol holds a line break; line 6 opens a quote that is never closed, which
-- rejects line 6 alone, so line 7 (MSFT,6) still arrives instead of being swallowed by the quote.
-- (The rejects file and the rejected count are checked by SluiceCliTest.)
-- Verified: by hand (lines 2, 4-5 and 7 are the good rows).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty
FROM trades;
