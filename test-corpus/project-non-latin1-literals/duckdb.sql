-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE words AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'id': 'BIGINT', 'w': 'VARCHAR'});
SELECT id,
       w = '中文'                          AS is_chinese,
       w IN ('Жук', '😀')                  AS cyrillic_or_emoji,
       CASE WHEN id > 2 THEN '😀' ELSE w END AS shown,
       COALESCE(w, 'ø')                    AS w_or_default,
       w < '中'                            AS before_zhong
FROM words;
