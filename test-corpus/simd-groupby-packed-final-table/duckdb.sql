-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'sym': 'VARCHAR', 'q': 'INTEGER'});
SELECT sym, COUNT(*) AS n, SUM(q) AS total
FROM t
GROUP BY sym;
