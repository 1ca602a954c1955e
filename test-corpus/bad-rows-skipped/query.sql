-- Proves: with --on-bad-row skip, malformed rows (an unparsable number on line 3, a missing field
-- on line 4, an unparsable timestamp on line 6) are skipped and the run goes on; every good row
-- arrives. (The rejects file and the rejected count are checked by SluiceCliTest.)
-- Verified: by hand (lines 2, 5 and 7 are the good rows).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, qty, ts
FROM trades;
