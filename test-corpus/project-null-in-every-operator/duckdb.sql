-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
-- Integer / is // in DuckDB (both truncate); CAST(DOUBLE AS BIGINT) rounds in DuckDB, so trunc
-- first; decimal literals are DOUBLE in Sluice and DECIMAL in DuckDB, hence the cast.

CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false,
    columns = {'id': 'BIGINT', 'a': 'BIGINT', 'b': 'BIGINT', 'x': 'DOUBLE', 's': 'VARCHAR', 'p': 'BOOLEAN',
               'ts': 'TIMESTAMP'});
SELECT id,
       a + b AS a_plus_b, a - b AS a_minus_b, a * b AS a_times_b, a // b AS a_div_b, a % b AS a_mod_b, -a AS neg_a,
       x / CAST(2.0 AS DOUBLE) AS half,
       a = b AS eq, a <> b AS ne, a < b AS lt, s = 'k' AS s_eq, s < 'z' AS s_lt,
       p AND TRUE AS p_and, p OR FALSE AS p_or, NOT p AS not_p,
       a IS NULL AS a_null, a IS NOT NULL AS a_not_null, p IS TRUE AS p_true, p IS NOT FALSE AS p_not_false,
       a BETWEEN 0 AND 10 AS in_range, a IN (7, 8) AS listed, a NOT IN (1, 2) AS unlisted,
       CASE WHEN p THEN 'yes' ELSE 'no' END AS searched_case,
       CASE a WHEN 7 THEN 'seven' END AS simple_case,
       CAST(a AS VARCHAR) AS a_text, CAST(trunc(x) AS BIGINT) AS x_int,
       COALESCE(a, -1) AS a_or, NULLIF(a, 7) AS a_unless_7,
       ts > TIMESTAMP '2023-01-01 00:00:00' AS recent,
       CASE WHEN a IS NULL THEN a // 0 ELSE b // 1 END AS null_over_zero
FROM t;
