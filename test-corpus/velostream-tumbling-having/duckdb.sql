-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE quotes AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'symbol': 'VARCHAR', 'price': 'DOUBLE', 'ts': 'TIMESTAMP'});
SELECT symbol, window_start, window_end, COUNT(*) AS n, AVG(price) AS avg_price
FROM (SELECT *, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start,
             time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE AS window_end
      FROM quotes)
GROUP BY symbol, window_start, window_end
HAVING COUNT(*) > 1;
