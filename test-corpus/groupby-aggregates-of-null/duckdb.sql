-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'k': 'VARCHAR', 'v': 'BIGINT'});
SELECT k,
       MIN(CAST(NULL AS VARCHAR))      AS min_s,
       MAX(CAST(NULL AS VARCHAR))      AS max_s,
       COUNT(CAST(NULL AS VARCHAR))    AS n,
       SUM(CAST(NULL AS BIGINT))       AS total,
       MIN(CAST(NULL AS DOUBLE))       AS min_d,
       AVG(CAST(NULL AS INTEGER))      AS mean,
       MAX(CAST(NULL AS TIMESTAMP))    AS latest
FROM t
GROUP BY k;
