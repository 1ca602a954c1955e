-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'k': 'BIGINT', 'sym': 'VARCHAR', 'v': 'BIGINT'});
SELECT sym, SUM(v * 2) AS twice, MIN(v - 1) AS low, COUNT(v + 1) AS n
FROM t
GROUP BY sym;
