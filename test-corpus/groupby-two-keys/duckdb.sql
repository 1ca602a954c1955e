-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'symbol': 'VARCHAR', 'account': 'BIGINT', 'qty': 'BIGINT', 'price': 'DOUBLE'});
SELECT symbol, account, COUNT(*) AS trades, SUM(qty) AS volume, MAX(price) AS high
FROM trades GROUP BY symbol, account;
