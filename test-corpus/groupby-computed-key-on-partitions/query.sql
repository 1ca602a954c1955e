-- Proves: a computed group key that gives rows with different inputs one key value (k / 1000 is 0
-- for k = -1, 0, 1 and 42) makes one group on any number of partitions: the router cannot hash the
-- input column k for it (found by the differential fuzzer with NULLIF on 3 partitions), so such a
-- query runs on one partition.
-- Rows: the generated file of simd-groupby-hash-in-lanes.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1.
CREATE TABLE t (
  k   BIGINT NOT NULL,
  sym VARCHAR NOT NULL,
  v   BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k / 1000 AS bucket, COUNT(*) AS n, SUM(v) AS total
FROM t
GROUP BY k / 1000;
