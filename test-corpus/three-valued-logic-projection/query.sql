-- Proves: SQL three-valued logic for AND, OR, NOT over all nine combinations of TRUE, FALSE and
-- NULL (e.g. NULL AND FALSE = FALSE, NULL OR TRUE = TRUE, NOT NULL = NULL); BOOLEAN input is
-- case-insensitive (TRUE, False) and BOOLEAN output is true/false/empty.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE truth (
  id BIGINT,
  p  BOOLEAN,
  q  BOOLEAN
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       p AND q       AS p_and_q,
       p OR q        AS p_or_q,
       NOT p         AS not_p,
       NOT (p AND q) AS nand
FROM truth;
