-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE trades AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'symbol': 'VARCHAR', 'qty': 'BIGINT', 'ts': 'TIMESTAMP'});
-- Sluice's watermark rule, computed independently of any hand reasoning: rows in file order
-- (CREATE TABLE AS keeps insertion order with threads = 1, and rowid numbers rows in that order);
-- the watermark in force before a row is max(ts of all earlier rows) - 2 s; a row is late,
-- and dropped, iff its 1-minute window's end <= that watermark.
CREATE TABLE on_time AS
SELECT * EXCLUDE (wm_before) FROM (
  SELECT *, max(ts) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            - INTERVAL 2 SECOND AS wm_before
  FROM trades)
WHERE wm_before IS NULL OR time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE > wm_before;
SELECT symbol, window_start, window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM (SELECT *, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start,
             time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE AS window_end
      FROM on_time)
GROUP BY symbol, window_start, window_end;
