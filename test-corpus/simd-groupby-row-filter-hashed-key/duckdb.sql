-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'k': 'BIGINT', 'sym': 'VARCHAR', 'v': 'BIGINT'});
SELECT k, COUNT(*) AS n, SUM(v) AS total
FROM t
WHERE sym <> 'X'
GROUP BY k;
