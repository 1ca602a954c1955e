-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'qty': 'BIGINT'});
SELECT id, qty, (qty = qty) OR TRUE AS always
FROM t
WHERE (qty = qty) OR TRUE;
