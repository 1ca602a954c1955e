-- Proves: Velostream's 'watermark.max_out_of_orderness' = '2s' is the watermark delay: the same rows
-- are late as in tumble-late-row-dropped (WATERMARK FOR ts AS ts - INTERVAL '2' SECOND), with the
-- window written WINDOW TUMBLING(ts, INTERVAL '1' MINUTE) (time column first, as Velostream's parser
-- reads it) and 'late.data.strategy' = 'drop' (mapped onto the 'late.policy' option; dropping and
-- counting late rows is also Sluice's default).
-- Watermark trace: see tumble-late-row-dropped/query.sql (09:00:58 B and 09:01:30 A are late).
-- Verified: expected.csv is tumble-late-row-dropped's (same plan and watermark delay) and DuckDB
-- cross-check (duckdb.sql applies the watermark rule over file order).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv',
        'event.time.field' = 'ts',
        'watermark.max_out_of_orderness' = '2s',
        'late.data.strategy' = 'drop');

SELECT symbol, window_start, window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM trades
GROUP BY symbol
WINDOW TUMBLING (ts, INTERVAL '1' MINUTE);
