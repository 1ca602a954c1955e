-- Proves: aggregates over a NULL constant (MIN/MAX of a NULL VARCHAR, COUNT, SUM, AVG, MIN of NULLs
-- of other types) compile and give NULL (COUNT gives 0). MIN(CAST(NULL AS VARCHAR)) generated
-- "null.compareTo(...)", which did not compile ("generated kernel does not compile (a Sluice
-- bug)") before a NULL VARCHAR constant became a typed null (found by DifferentialFuzzTest).
-- The changelog: one +I per key; the second 'a' row changes nothing, so nothing is emitted.
-- Verified: changelog by hand (above); final table: DuckDB cross-check (duckdb.sql).
CREATE TABLE t (
  k VARCHAR,
  v BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k,
       MIN(CAST(NULL AS VARCHAR))      AS min_s,
       MAX(CAST(NULL AS VARCHAR))      AS max_s,
       COUNT(CAST(NULL AS VARCHAR))    AS n,
       SUM(CAST(NULL AS BIGINT))       AS total,
       MIN(CAST(NULL AS DOUBLE))       AS min_d,
       AVG(CAST(NULL AS INT))          AS mean,
       MAX(CAST(NULL AS TIMESTAMP(3))) AS latest
FROM t
GROUP BY k;
