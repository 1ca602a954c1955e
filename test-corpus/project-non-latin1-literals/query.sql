-- Proves: string literals with characters outside ISO-8859-1 (中, Ж, an emoji outside the BMP) are
-- compared, listed in IN, chosen by CASE and COALESCE like any other string. Calcite's default
-- literal charset is ISO-8859-1: before the planner used UTF-8 such a query stopped with
-- "internal error: ... Failed to encode '中文' in character set 'ISO-8859-1'" (found by
-- DifferentialFuzzTest). 'Жук' < '中' (U+0416 < U+4E2D) and '😀' > '中' (a surrogate pair,
-- U+D83D..., sorts after U+4E2D in Java String order and its UTF-8 bytes after 中's).
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE words (
  id BIGINT,
  w  VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       w = '中文'                          AS is_chinese,
       w IN ('Жук', '😀')                  AS cyrillic_or_emoji,
       CASE WHEN id > 2 THEN '😀' ELSE w END AS shown,
       COALESCE(w, 'ø')                    AS w_or_default,
       w < '中'                            AS before_zhong
FROM words;
