-- Proves: Flink's SESSION(TABLE t PARTITION BY key, DESCRIPTOR(ts), gap) (which Calcite rejects as
-- written; Sluice rewrites it into Calcite's SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(key), gap))
-- keeps sessions per key: a session is [first row, last row + gap); a row more than the 10 s gap
-- after the last one starts a new session; a row exactly the gap after it joins it (touching
-- sessions merge, as in Flink); a row out of order within the 2 s delay (u3 at 09:00:29) joins the
-- open session it falls in. Each session fires once the watermark passes its end.
-- Verified: DuckDB cross-check (duckdb.sql sessionizes with lag() over the rows sorted by time; no
-- row here is late and no row reaches a session that already fired, so sorting gives the same
-- sessions).
CREATE TABLE orders (
  `user` VARCHAR,
  amount BIGINT,
  ts     TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH ('format' = 'csv', 'path' = 'in.csv');

SELECT `user`, window_start, window_end, COUNT(*) AS n, SUM(amount) AS total
FROM TABLE(SESSION(TABLE orders PARTITION BY `user`, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY `user`, window_start, window_end;
