-- Proves: Calcite's form SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(key), gap); a row arriving out
-- of order (within the 10 s delay) that falls between two open sessions of its key merges them,
-- and their accumulators (COUNT, DOUBLE SUM, MIN, MAX) are merged. Gap 5 s. Trace for key a
-- (seconds): a@0 -> [0,5); a@8 -> [8,13) (separate); a@4 -> [4,9) touches both -> [0,13);
-- a@18 -> [18,23); a@13 -> [13,18) touches [0,13) and [18,23) -> one session [0,23) of 5 rows.
-- Verified: by hand (trace above) and DuckDB cross-check (sessionized over the rows sorted by time:
-- no session fired before the rows that merge it).
CREATE TABLE m (
  k  VARCHAR,
  v  DOUBLE,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '10' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi
FROM TABLE(SESSION(TABLE m, DESCRIPTOR(ts), DESCRIPTOR(k), INTERVAL '5' SECOND))
GROUP BY k, window_start, window_end;
