-- Proves: a GROUP BY (without aggregate functions) whose WHERE is always false is still a
-- continuous aggregation: it accepts EMIT CHANGES, emits a changelog (op column) and no row.
-- Calcite knew the filtered input is "unique" on the key and turned the aggregate into a
-- projection, so the query was an append query and EMIT CHANGES was rejected ("EMIT CHANGES
-- applies to aggregations; this query appends one row per input row"); without EMIT it wrote no
-- op column. Until the planner kept aggregates (found by DifferentialFuzzTest).
-- Verified: DuckDB cross-check (duckdb.sql); an empty changelog is an empty table.
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol
FROM trades
WHERE qty > 0 AND FALSE
GROUP BY symbol
EMIT CHANGES;
