-- Proves: with --final-table, GROUP BY a VARCHAR key (its dictionary codes: small keys) with
-- COUNT(*) and SUM of a NOT NULL INT column folds packed in the SIMD twin (any INT values span
-- less than 2^39; every 17th row here is a random INT of the whole range) and gives the scalar
-- twin's table, in the same order: symbols NVDA, IBM and META first appear after line 41, inside
-- batches, and are inserted in row order (the packed fold's pass over the keys when a key has no
-- group yet).
-- Rows: generated (seeded Python).
-- Verified: final table computed independently (Python, groups in order of first appearance);
-- DuckDB cross-check (duckdb.sql); both twins equal at every batch size.
CREATE TABLE t (
  sym VARCHAR NOT NULL,
  q   INT NOT NULL
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT sym, COUNT(*) AS n, SUM(q) AS total
FROM t
GROUP BY sym;
