-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'d': 'DOUBLE', 'x': 'DOUBLE', 'v': 'BIGINT'});
SELECT d, COUNT(*) AS n, SUM(v) AS total, MIN(x) AS lo, MAX(x) AS hi
FROM t
GROUP BY d;
