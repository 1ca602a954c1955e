-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'k': 'BIGINT', 'v': 'BIGINT', 'x': 'INTEGER', 'd': 'DOUBLE'});
SELECT COUNT(*) AS n, COUNT(d) AS nd, SUM(v) AS sv, SUM(x) AS sx, SUM(d) AS sd, MIN(x) AS mnx,
       MAX(v) AS mxv, AVG(v) AS av, AVG(d) AS ad
FROM t
WHERE v < 50 AND (x >= 2 OR d > 1.5) OR k IS NULL;
