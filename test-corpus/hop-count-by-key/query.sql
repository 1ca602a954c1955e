-- Proves: HOP(TABLE t, DESCRIPTOR(ts), slide, size) in Flink's argument order (30 s slide, 1 min
-- size): each row is counted in the two windows that contain it; rows out of order within the 5 s
-- watermark delay are counted; each window fires once with its final aggregates.
-- Verified: DuckDB cross-check (duckdb.sql expands each row into its hopping windows with
-- generate_series and applies the watermark rule; no row here is late).
CREATE TABLE readings (
  sensor  VARCHAR,
  reading BIGINT,
  ts      TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT sensor, window_start, window_end, COUNT(*) AS n, SUM(reading) AS total,
       MIN(reading) AS lo, MAX(reading) AS hi, AVG(reading) AS mean
FROM TABLE(HOP(TABLE readings, DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE))
GROUP BY sensor, window_start, window_end;
