-- Proves: every aggregate in one query: COUNT(*), COUNT(x), SUM of BIGINT (BIGINT) and of DOUBLE
-- (DOUBLE), MIN/MAX of DOUBLE, AVG of BIGINT and of DOUBLE (DOUBLE), MIN/MAX of VARCHAR in Java
-- String order (case-sensitive: 'Arca' < 'BATS' < 'NYSE' < 'arca' < 'nasdaq').
-- Prices are binary-exact so sums and averages are exact except AVG(qty) = 35/3.
-- Verified: changelog by hand (AAPL: 10 @101.5 nasdaq; 20 @100.25 Arca -> 2,2,30,201.75,100.25,
-- 101.5,15.0,100.875,Arca,nasdaq; 5 @102.0 NULL venue -> 3,2,35,303.75,..,102.0,
-- 11.666666666666666,101.25; 1 @99.75 BATS -> 4,3,36,403.5,99.75,102.0,9.0,100.875.
-- MSFT: 3 @50.25 NYSE; 4 @50.75 arca -> 2,2,7,101.0,50.25,50.75,3.5,50.5,NYSE,arca);
-- final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  price  DOUBLE,
  venue  VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol,
       COUNT(*)     AS n,
       COUNT(venue) AS n_venue,
       SUM(qty)     AS volume,
       SUM(price)   AS price_sum,
       MIN(price)   AS low,
       MAX(price)   AS high,
       AVG(qty)     AS avg_qty,
       AVG(price)   AS avg_price,
       MIN(venue)   AS first_venue,
       MAX(venue)   AS last_venue
FROM trades
GROUP BY symbol;
