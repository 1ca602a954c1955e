-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'flag': 'BOOLEAN', 'ts': 'TIMESTAMP'});
SELECT id,
       CAST(TRUE AS VARCHAR)                                                  AS true_const,
       CAST(flag AS VARCHAR)                                                  AS flag_text,
       strftime(TIMESTAMP '2024-01-01 10:00:00', '%Y-%m-%d %H:%M:%S.%g')      AS ts_const,
       strftime(ts, '%Y-%m-%d %H:%M:%S.%g')                                   AS ts_text,
       CAST(42 AS VARCHAR)                                                    AS int_const,
       CAST(FALSE AS VARCHAR) = CAST(flag AS VARCHAR)                         AS same_as_false
FROM t;
