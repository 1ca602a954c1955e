-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'qty': 'BIGINT'});
SELECT id, qty
FROM t
WHERE qty > 1 AND CASE WHEN TRUE THEN TRUE WHEN TRUE THEN TRUE WHEN TRUE THEN TRUE ELSE TRUE END;
