-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'k': 'BIGINT', 'sym': 'VARCHAR', 'v': 'BIGINT'});
SELECT CASE WHEN k < 0 THEN -(abs(k) // 1000) ELSE k // 1000 END AS bucket, COUNT(*) AS n, SUM(v) AS total
FROM t
GROUP BY CASE WHEN k < 0 THEN -(abs(k) // 1000) ELSE k // 1000 END;
