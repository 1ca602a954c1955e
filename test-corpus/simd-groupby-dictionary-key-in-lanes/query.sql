-- Proves: GROUP BY a NOT NULL VARCHAR column, whose key is the source dictionary's code, hashed 8
-- codes at a time by the SIMD twin (no WHERE: every row), gives the scalar twin's changelog;
-- non-Latin-1 text is one more symbol.
-- Rows: the same generated file as simd-groupby-hash-in-lanes.
-- Verified: final table: DuckDB cross-check (duckdb.sql); changelog: the run at batch size 1, both
-- twins equal (the golden runner compares them byte for byte).
CREATE TABLE t (
  k   BIGINT NOT NULL,
  sym VARCHAR NOT NULL,
  v   BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT sym, COUNT(*) AS n, SUM(v) AS total, MAX(k) AS top
FROM t
GROUP BY sym;
