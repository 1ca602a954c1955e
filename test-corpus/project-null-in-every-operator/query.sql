-- Proves: NULL in every operator Sluice supports, with SQL's rules: row 1 has every column NULL,
-- row 2 the same expressions over values. Arithmetic (+ - * / % and unary minus, on BIGINT and
-- DOUBLE), comparisons, BETWEEN, IN, NOT IN and CAST of NULL are NULL; NULL AND TRUE, NULL OR
-- FALSE and NOT NULL are NULL; IS [NOT] NULL and IS [NOT] TRUE/FALSE are never NULL; a searched
-- CASE takes ELSE when its condition is NULL, a simple CASE without ELSE gives NULL; COALESCE
-- skips NULL; NULLIF(NULL, 7) is NULL. No NULL operand raises an error (NULL / 0 and NULL % 0
-- are NULL, not a division by zero).
-- Row 2 by hand: 7+2=9, 7-2=5, 7*2=14, 7/2=3, 7%2=1, -7, 1.5/2.0=0.75, 7=2 false, 7<>2 true,
-- 7<2 false, 'k'='k' true, 'k'<'z' true, TRUE AND TRUE, TRUE OR FALSE true, NOT TRUE false,
-- 7 BETWEEN 0 AND 10 true, 7 IN (7, 8) true, 7 NOT IN (1, 2) true, CASE 'yes', 'seven', '7',
-- CAST(1.5 AS BIGINT) = 1, COALESCE 7, NULLIF(7, 7) NULL, a later timestamp true, a / 0 fails only
-- when a is not NULL, so row 2 divides b by 1 instead (2 / 1 = 2).
-- Verified: by hand (above) and DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  id BIGINT,
  a  BIGINT,
  b  BIGINT,
  x  DOUBLE,
  s  VARCHAR,
  p  BOOLEAN,
  ts TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       a + b AS a_plus_b, a - b AS a_minus_b, a * b AS a_times_b, a / b AS a_div_b, a % b AS a_mod_b, -a AS neg_a,
       x / 2.0 AS half,
       a = b AS eq, a <> b AS ne, a < b AS lt, s = 'k' AS s_eq, s < 'z' AS s_lt,
       p AND TRUE AS p_and, p OR FALSE AS p_or, NOT p AS not_p,
       a IS NULL AS a_null, a IS NOT NULL AS a_not_null, p IS TRUE AS p_true, p IS NOT FALSE AS p_not_false,
       a BETWEEN 0 AND 10 AS in_range, a IN (7, 8) AS listed, a NOT IN (1, 2) AS unlisted,
       CASE WHEN p THEN 'yes' ELSE 'no' END AS searched_case,
       CASE a WHEN 7 THEN 'seven' END AS simple_case,
       CAST(a AS VARCHAR) AS a_text, CAST(x AS BIGINT) AS x_int,
       COALESCE(a, -1) AS a_or, NULLIF(a, 7) AS a_unless_7,
       ts > TIMESTAMP '2023-01-01 00:00:00' AS recent,
       CASE WHEN a IS NULL THEN a / 0 ELSE b / 1 END AS null_over_zero
FROM t;
