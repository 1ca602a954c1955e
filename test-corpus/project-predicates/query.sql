-- Proves: BETWEEN (inclusive at both ends), NOT BETWEEN, IN and NOT IN lists, IS NULL and
-- IS NOT NULL as BOOLEAN output columns; a NULL operand makes BETWEEN/IN NULL (empty field),
-- while IS [NOT] NULL is never NULL.
-- Verified: DuckDB cross-check (duckdb.sql).
CREATE TABLE quotes (
  id     BIGINT,
  symbol VARCHAR,
  price  DOUBLE
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id,
       price BETWEEN 100 AND 200     AS in_band,
       price NOT BETWEEN 100 AND 200 AS out_of_band,
       symbol IN ('AAPL', 'MSFT')    AS big_tech,
       symbol NOT IN ('AAPL', 'MSFT') AS other,
       symbol IS NULL                AS no_symbol,
       price IS NOT NULL             AS has_price
FROM quotes;
