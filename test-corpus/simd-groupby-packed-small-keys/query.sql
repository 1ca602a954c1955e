-- Proves: GROUP BY one small INT key with COUNT(*), COUNT, SUM and AVG of one NOT NULL BIGINT
-- column: the SIMD twin folds a batch whose keys are in [0, 4096) and whose values span less than
-- 2^39 into one packed word per key (PackedPartials: count in the top bits, sum of v - min(v)
-- below), then moves each key's count and sum into its group; the result is the scalar twin's,
-- changelog order included (groups go into the dirty list, and new ones into the table, in row
-- order). Lines 42-71 bring new keys (12, 13, 14, 30) in mid-batch; lines 72-85 values near 2^50;
-- lines 86-89 values near -2^61, where the per-row addend 2^51 - min(v) wraps past Long.MAX_VALUE
-- and back; lines 90-91 a span of 2^41 (that batch is not packable: row by row); lines 92-93 key
-- 5000, beyond the packed keys (direct index).
-- Rows: generated (seeded Python).
-- Verified: changelog at batch size 1 computed independently (Python, row by row, AVG as
-- (double) sum / count); final table: DuckDB cross-check (duckdb.sql); both twins equal at every
-- batch size.
CREATE TABLE t (
  k INT NOT NULL,
  v BIGINT NOT NULL
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, COUNT(*) AS n, COUNT(v) AS c, SUM(v) AS s, AVG(v) AS av
FROM t
GROUP BY k;
