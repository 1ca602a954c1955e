-- Proves: Velostream's WINDOW TUMBLING(1m) after GROUP BY, over a table whose event time is given by
-- Velostream's WITH properties ('event.time.field', a bounded-out-of-orderness watermark of 2 s),
-- runs as tumble-count-by-symbol: it is rewritten into TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts),
-- INTERVAL '1' MINUTE)) grouped by symbol, window_start, window_end (whose columns it may select).
-- Verified: expected.csv is tumble-count-by-symbol's (VelostreamSyntaxTest shows both forms give the
-- same logical plan) and DuckDB cross-check (duckdb.sql, time_bucket).
CREATE TABLE trades (
  symbol VARCHAR,
  qty    BIGINT,
  ts     TIMESTAMP(3)
) WITH ('format' = 'csv', 'path' = 'in.csv',
        'event.time.field' = 'ts',
        'watermark.strategy' = 'bounded_out_of_orderness',
        'watermark.max_out_of_orderness' = '2s');

SELECT symbol, window_start, window_end, COUNT(*) AS trades, SUM(qty) AS volume
FROM trades
GROUP BY symbol
WINDOW TUMBLING(1m);
