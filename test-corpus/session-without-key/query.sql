-- Proves: SESSION(TABLE t, DESCRIPTOR(ts), gap) without a key: one line of sessions over all rows,
-- grouped by window_start and window_end only; 1-minute gap, three bursts of activity.
-- Verified: DuckDB cross-check (sessionized over the rows sorted by time; no row is late).
CREATE TABLE hits (
  path VARCHAR,
  ms   BIGINT,
  ts   TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT window_start, window_end, COUNT(*) AS hits, SUM(ms) AS total_ms, MAX(path) AS last_path
FROM TABLE(SESSION(TABLE hits, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
