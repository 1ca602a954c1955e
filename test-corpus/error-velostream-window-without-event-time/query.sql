-- Proves: Velostream's WINDOW over a table that declares no event time (no WATERMARK, no
-- 'event.time.field') is a compile error at the WINDOW clause, naming both ways to declare it.
-- Verified: by hand (the WINDOW keyword is at line 14, column 1).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, COUNT(*) AS n
FROM trades
GROUP BY symbol
WINDOW TUMBLING(1m);
