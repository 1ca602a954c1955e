-- Showcase: the DESIGN.md trades query. Per symbol and 1-minute tumbling window: number of trades,
-- volume, low and high price, with a 2 s watermark delay; 42 trades of AAPL, MSFT, GOOG over four
-- minutes (10:00 to 10:04).
-- What happens to the unusual rows (W = max ts so far - 2 s; a row is late iff its window end <= W
-- in force before it):
--   line 6   MSFT 10:00:14.200, after 10:00:15 (W 10:00:13): 0.8 s out of order, counted
--   line 12  MSFT 10:00:59.600, after AAPL 10:01:00.500 (W 10:00:58.500): its window ends at
--            10:01:00 > W, so it is counted in 10:00 although a 10:01 row came first
--   line 17  GOOG 10:01:24.100, after 10:01:25 (W 10:01:23): counted
--   line 23  AAPL 10:01:59.800, after GOOG 10:02:01.500 (W 10:01:59.500): counted in 10:01
--   line 29  MSFT qty 0 at 420.0: removed by WHERE qty > 0 (it would otherwise be MSFT's 10:02 high)
--   line 35  AAPL 10:02:58 at 999.0, after MSFT 10:03:03 (W 10:03:01): window 10:02 ended at
--            10:03:00 <= W, it has fired: LATE, dropped (5 s behind, beyond the 2 s delay)
--   line 43  GOOG 10:03:53.500, after 10:03:55 (W 10:03:53): counted; end of input fires 10:03
-- Every (window, symbol) group has at least 3 trades, so HAVING COUNT(*) > 1 keeps all 12 rows.
-- Verified: by hand (each window's rows listed and summed; see above for the rows that matter)
-- and DuckDB cross-check (duckdb.sql applies the watermark rule over file order, then the query).
CREATE TABLE trades (
  symbol VARCHAR,
  price  DOUBLE,
  qty    BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'trades.csv');

SELECT symbol, window_start, window_end,
       COUNT(*) AS trades, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
WHERE qty > 0
GROUP BY symbol, window_start, window_end
HAVING COUNT(*) > 1;
