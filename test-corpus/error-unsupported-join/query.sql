-- Proves: a JOIN (not supported yet) is rejected at compile time at the JOIN keyword, with a
-- sentence of why, never a wrong answer.
-- Verified: by hand (position of JOIN).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

CREATE TABLE quotes (
  symbol VARCHAR,
  bid    DOUBLE
) WITH ('format' = 'csv', 'path' = 'quotes.csv');

SELECT t.symbol, t.qty, q.bid
FROM trades AS t
JOIN quotes AS q ON t.symbol = q.symbol;
