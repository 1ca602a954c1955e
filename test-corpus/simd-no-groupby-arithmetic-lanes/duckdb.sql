-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'k': 'BIGINT', 'v': 'BIGINT', 'x': 'INTEGER', 'd': 'DOUBLE'});
SELECT COUNT(*) AS n, SUM(v * 3 + CAST(x AS BIGINT)) AS s1, SUM(d * v) AS s2, SUM(d / 2 - x) AS s3,
       MAX(v - k) AS mx, MIN(CAST(x AS BIGINT) * 2) AS mn, AVG(v + k) AS a1, COUNT(k * v) AS c
FROM t
WHERE v < 50 AND (x >= 2 OR d > 1.5) OR k IS NULL;
