SELECT symbol, window_start, window_start + INTERVAL 1 MINUTE AS window_end,
       COUNT(*) AS trades, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high, AVG(price) AS avg_price
FROM (SELECT *, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start FROM ${source})
GROUP BY symbol, window_start
