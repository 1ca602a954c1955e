-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
-- (Sluice's decimal literals are DOUBLE; DuckDB's are DECIMAL, hence the casts.)

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'i': 'INTEGER'});
SELECT id, i,
       i BETWEEN CAST(-0.5 AS DOUBLE) AND 1            AS near_zero,
       i >= CAST(0.0 AS DOUBLE) AND i <= 0             AS is_zero,
       i IN (0, CAST(2.5 AS DOUBLE), 3)                AS listed
FROM t
WHERE i >= CAST(0.0 AS DOUBLE) AND i <= 5;
