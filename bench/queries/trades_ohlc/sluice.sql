-- Trades: per symbol and 1-minute tumbling window, trades, volume, low, high and average price
-- (OHLC without open and close: those need FIRST_VALUE/LAST_VALUE, which Sluice does not have yet).
-- The data's disorder (up to 2 s) is within the watermark delay, so no row is late.
CREATE TABLE trades (
  symbol VARCHAR NOT NULL,
  price  DOUBLE NOT NULL,
  qty    BIGINT NOT NULL,
  ts     TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
);
SELECT symbol, window_start, window_end,
       COUNT(*) AS trades, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high, AVG(price) AS avg_price
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end
