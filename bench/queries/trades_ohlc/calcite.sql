SELECT symbol, window_start, window_end,
       COUNT(*) AS trades, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high, AVG(price) AS avg_price
FROM TABLE(TUMBLE(TABLE ${table}, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end
