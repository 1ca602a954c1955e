-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'v': 'BIGINT', 'x': 'INTEGER'});
SELECT CAST(SUM(v) AS BIGINT) AS total, COUNT(*) AS n, SUM(x) AS sx
FROM t
WHERE x > 0;
