-- Proves: searched CASE with and without ELSE (missing ELSE gives NULL), simple CASE, a NULL
-- condition counting as not true, CAST INT->DOUBLE, BIGINT->VARCHAR, VARCHAR->BIGINT.
-- CASE results are VARCHAR without padding ('mid', not 'mid ').
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE items (
  id    BIGINT,
  qty   INT,
  price DOUBLE,
  code  VARCHAR
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       CASE WHEN price >= 100 THEN 'high' WHEN price >= 50 THEN 'mid' ELSE 'low' END AS band,
       CASE WHEN qty > 10 THEN 'big' END AS size,
       CASE qty WHEN 0 THEN 'none' WHEN 5 THEN 'five' ELSE 'other' END AS qty_word,
       CAST(qty AS DOUBLE) AS qty_d,
       CAST(id AS VARCHAR) AS id_s,
       CAST(code AS BIGINT) + 1 AS code_plus_one
FROM items;
