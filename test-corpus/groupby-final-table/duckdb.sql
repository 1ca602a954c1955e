-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'g': 'BIGINT', 'v': 'BIGINT', 'x': 'INTEGER'});
SELECT g, COUNT(*) AS n, SUM(v) AS sv, MIN(x) AS mn
FROM t
WHERE x < 8
GROUP BY g
HAVING COUNT(*) > 2;
