-- Proves: a Velostream duration with a unit Sluice does not read (5min; the units are ms, s, m, h, d
-- and w, lower case, as in Velostream) is a parse error at the unit.
-- Verified: by hand ('min' starts at line 15, column 18).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, COUNT(*) AS n
FROM trades
GROUP BY symbol
WINDOW TUMBLING(5min);
