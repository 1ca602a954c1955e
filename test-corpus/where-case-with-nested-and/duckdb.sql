-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'qty': 'BIGINT'});
SELECT id, qty
FROM t
WHERE CASE WHEN (id < id AND CAST(NULL AS INT) BETWEEN CAST(100.0 AS DOUBLE) AND 3) THEN CAST(NULL AS INT) IN (0)
           ELSE TRUE END;
