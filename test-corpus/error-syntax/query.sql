-- Proves: a syntax error is reported at the offending token with line and column, not as a
-- stack trace. The select list ends with a comma, so FROM is unexpected.
-- Verified: by hand (position of FROM).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, FROM trades;
