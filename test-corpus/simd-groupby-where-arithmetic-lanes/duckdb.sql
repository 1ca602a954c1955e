-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'g': 'BIGINT', 'a': 'BIGINT', 'b': 'BIGINT', 'd': 'DOUBLE', 'x': 'INTEGER'});
SELECT g, COUNT(*) AS n, SUM(a) AS sa, MAX(b) AS mb
FROM t
WHERE a + b > 10 AND a * 3 - b <> 7 AND d * 2.0 - 1.5 < 100 AND a - b < CAST(x AS BIGINT) + 20
GROUP BY g;
