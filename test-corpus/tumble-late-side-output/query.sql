-- Proves: 'late.policy' = 'side-output' leaves the results as 'drop' does (late rows are counted,
-- handed to the late-row sink with the reason, and not aggregated); the dead-letter file itself is
-- tested with the CLI. Same input and late rows as tumble-late-row-dropped (09:00:58 B and
-- 09:01:30 A are late: their window end is at or before the watermark in force before them).
-- Verified: DuckDB cross-check (duckdb.sql applies the watermark rule over file order) and by hand
-- (the trace in tumble-late-row-dropped/query.sql).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv', 'late.policy' = 'side-output');

SELECT symbol, window_start, window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;
