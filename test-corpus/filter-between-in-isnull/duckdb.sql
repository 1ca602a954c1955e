-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'symbol': 'VARCHAR', 'price': 'DOUBLE', 'note': 'VARCHAR'});
SELECT id, symbol, price
FROM trades
WHERE price BETWEEN 100 AND 200
  AND symbol IN ('AAPL', 'MSFT')
  AND note IS NULL;
