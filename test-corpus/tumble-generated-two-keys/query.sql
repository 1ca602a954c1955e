-- Proves, at a larger scale: TUMBLE grouped by a VARCHAR and a BIGINT key (symbol, account) over
-- 300 generated trades spanning 14:00 to 14:10 (plus one row just before 14:00), about one
-- every 1.9 s; 20 % of the rows are pushed 1 to 7 s back in time, so many arrive out of order
-- (counted) and two arrive after their window fired (late, dropped):
--   line 163 GOOG 14:04:59.030 after MSFT 14:05:04.222 (W 14:05:02.222 >= end 14:05:00)
--   line 257 AAPL 14:07:58.361 after AAPL 14:08:02.871 (W 14:08:00.871 >= end 14:08:00)
-- Prices are multiples of 0.25 so SUMs are exact. Generated with a seeded script (Python random,
-- seed 2); expected.csv was computed by a scratch reference implementation of the rules and
-- reviewed (row count 109, the two late rows above).
-- Verified: DuckDB cross-check (duckdb.sql applies the watermark rule over file order, then the
-- query), not by hand.
CREATE TABLE trades (
  symbol  VARCHAR,
  account BIGINT,
  qty     BIGINT,
  price   DOUBLE,
  ts      TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, account, window_start, window_end,
       COUNT(*) AS trades, SUM(qty) AS volume, MIN(price) AS low, MAX(price) AS high,
       AVG(price) AS avg_price
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, account, window_start, window_end;
