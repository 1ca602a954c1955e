-- Proves: event time given as epoch milliseconds (UTC) drives watermarks and windows like text
-- timestamps: 1704103200000 = 2024-01-01 10:00:00.000, 1704103259999 = 10:00:59.999 (10:00 window),
-- 1704103260000 = 10:01:00.000 (10:01 window), 1704103320001 = 10:02:00.001. No row is late
-- (B at 10:00:30.5 arrives when W = 10:00:57.999 < its window end 10:01:00).
-- Verified: DuckDB cross-check (duckdb.sql, epoch_ms).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT symbol, window_start, window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;
