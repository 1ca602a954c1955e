-- Proves: TIMESTAMP(3) input as text (with and without milliseconds) and as epoch milliseconds
-- (UTC) read into the same type; output is always yyyy-MM-dd HH:mm:ss.SSS; NULL timestamp gives
-- an empty field and a NULL comparison; epoch 0 and 1 ms work; a table without WATERMARK is fine
-- for a non-windowed query.
-- Verified: DuckDB cross-check (duckdb.sql converts ts_epoch with epoch_ms).
CREATE TABLE events (
  id       BIGINT,
  ts_text  TIMESTAMP(3),
  ts_epoch TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT id, ts_text, ts_epoch, ts_text = ts_epoch AS same_instant
FROM events;
