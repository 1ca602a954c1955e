CREATE TABLE trades (
  symbol VARCHAR NOT NULL,
  price  DOUBLE NOT NULL,
  qty    BIGINT NOT NULL,
  ts     TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'csv');
SELECT symbol, window_start, window_end,
       COUNT(*) AS trades, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high, AVG(price) AS avg_price
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end
