-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'ts': 'TIMESTAMP', 'qty': 'BIGINT', 'symbol': 'VARCHAR'});
SELECT symbol, qty * 10 AS qty_x10, ts FROM trades WHERE qty > 1;
