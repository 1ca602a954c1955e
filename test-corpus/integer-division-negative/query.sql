-- Proves: integer / truncates toward zero and % takes the sign of the dividend (Java semantics),
-- with negative operands; NULL operands give NULL.
-- Verified: DuckDB cross-check (duckdb.sql computes the truncating quotient from absolute values,
-- so it does not depend on how DuckDB rounds a negative integer division).
CREATE TABLE pairs (
  a BIGINT,
  b BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT a, b, a / b AS q, a % b AS r
FROM pairs;
