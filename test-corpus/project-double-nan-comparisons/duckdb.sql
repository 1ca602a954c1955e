-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
-- (Sluice's decimal literals are DOUBLE; DuckDB's are DECIMAL, hence the casts.)

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'x': 'DOUBLE', 'y': 'DOUBLE'});
SELECT id,
       x = y                                       AS eq,
       x <> y                                      AS ne,
       x > y                                       AS gt,
       x < y                                       AS lt,
       x >= y                                      AS ge,
       x BETWEEN CAST(0.0 AS DOUBLE) AND y         AS between_zero_and_y,
       x IN (CAST(1.0 AS DOUBLE), y)               AS one_or_y,
       CASE WHEN x > CAST(1e308 AS DOUBLE) THEN 'above 1e308' ELSE 'not above' END AS size
FROM t;
