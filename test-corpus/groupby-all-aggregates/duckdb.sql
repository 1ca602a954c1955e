-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'symbol': 'VARCHAR', 'qty': 'BIGINT', 'price': 'DOUBLE', 'venue': 'VARCHAR'});
SELECT symbol, COUNT(*) AS n, COUNT(venue) AS n_venue, SUM(qty) AS volume, SUM(price) AS price_sum,
       MIN(price) AS low, MAX(price) AS high, AVG(qty) AS avg_qty, AVG(price) AS avg_price,
       MIN(venue) AS first_venue, MAX(venue) AS last_venue
FROM trades GROUP BY symbol;
