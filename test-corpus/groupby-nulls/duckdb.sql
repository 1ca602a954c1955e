-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'symbol': 'VARCHAR', 'qty': 'BIGINT'});
SELECT symbol, COUNT(*) AS n, COUNT(qty) AS n_qty, SUM(qty) AS total, MIN(qty) AS lo,
       MAX(qty) AS hi, AVG(qty) AS mean
FROM trades GROUP BY symbol;
