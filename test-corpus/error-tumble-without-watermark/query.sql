-- Proves: TUMBLE over a time column that has no WATERMARK is a compile error (windows could
-- never fire before end of input), reported at the descriptor column.
-- Verified: by hand (position of ts inside DESCRIPTOR).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;
