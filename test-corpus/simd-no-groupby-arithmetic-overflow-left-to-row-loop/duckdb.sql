-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'a': 'BIGINT', 'b': 'BIGINT', 'keep': 'BOOLEAN'});
SELECT COUNT(*) AS n, SUM(a + b) AS s, MAX(a * b) AS p, MIN(a - b) AS d
FROM t
WHERE keep;
