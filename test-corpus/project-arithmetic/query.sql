-- Proves: arithmetic in projections (+ - * / % and unary minus) on INT and DOUBLE, mixed
-- INT*DOUBLE giving DOUBLE, integer / truncating, NULL operands giving NULL, DOUBLE output format.
-- Prices are binary-exact (.5, .25, .125) so every DOUBLE result is exact.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE orders (
  id    BIGINT,
  qty   INT,
  price DOUBLE,
  fee   DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       qty * 2 + 1             AS doubled_plus_one,
       price * qty             AS notional,
       price - fee             AS net_price,
       qty / 4                 AS quarter,
       qty % 4                 AS remainder,
       -qty                    AS negated,
       price / 2               AS half_price,
       (qty + 1) * (qty - 1)   AS square_minus_one
FROM orders;
