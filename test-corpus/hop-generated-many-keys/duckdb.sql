-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, columns = {'k': 'VARCHAR', 'v': 'BIGINT', 'ts': 'TIMESTAMP'});
-- the watermark in force before each row (file order = rowid order): max(earlier ts) - delay
CREATE TABLE r AS SELECT *, max(ts) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    - INTERVAL 10 SECOND AS wm FROM t;
-- every hopping window of a row: starts every 15 s in (ts - 45 s, ts]
CREATE TABLE w AS SELECT r.*, ws AS window_start, ws + INTERVAL 45 SECOND AS window_end
FROM r, unnest(generate_series(time_bucket(INTERVAL 15 SECOND, ts) - INTERVAL 45 SECOND,
                               time_bucket(INTERVAL 15 SECOND, ts), INTERVAL 15 SECOND)) AS g(ws)
WHERE ws > ts - INTERVAL 45 SECOND;
-- a (row, window) pair counts unless the window ended at or before the row's watermark
SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi
FROM w WHERE wm IS NULL OR window_end > wm
GROUP BY k, window_start, window_end;
