-- Proves: CUMULATE(TABLE t, DESCRIPTOR(ts), step, size) in Flink's argument order (Calcite 1.42 has
-- no CUMULATE; Sluice registers it): windows [base, base + 20 s), [base, base + 40 s),
-- [base, base + 1 min) share the start of their 1-minute base window; a row is counted in those
-- ending after it; out-of-order rows within the 3 s delay count; empty windows emit nothing.
-- Verified: DuckDB cross-check (duckdb.sql lists each row's cumulative windows with
-- generate_series and applies the watermark rule; no row here is late).
CREATE TABLE clicks (
  page  VARCHAR,
  users BIGINT,
  ts    TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '3' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT page, window_start, window_end, COUNT(*) AS n, SUM(users) AS users, MAX(users) AS peak
FROM TABLE(CUMULATE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '20' SECOND, INTERVAL '1' MINUTE))
GROUP BY page, window_start, window_end;
