-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'symbol': 'VARCHAR', 'qty': 'BIGINT', 'price': 'DOUBLE'});
SELECT COUNT(*) AS n, SUM(qty) AS total, MIN(price) AS low, MAX(price) AS high,
       AVG(price) AS avg_price
FROM trades WHERE symbol <> 'TEST';
