-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'symbol': 'VARCHAR', 'qty': 'BIGINT', 'price': 'DOUBLE', 'ts': 'TIMESTAMP'});
SELECT symbol, window_start, window_end, COUNT(*) AS n, COUNT(price) AS n_price, SUM(qty) AS volume,
       MIN(price) AS low, MAX(price) AS high, AVG(price) AS avg_price
FROM (SELECT *, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start,
             time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE AS window_end
      FROM trades)
GROUP BY symbol, window_start, window_end;
