-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, columns = {'sensor': 'VARCHAR', 'reading': 'BIGINT', 'ts': 'TIMESTAMP'});
-- the watermark in force before each row (file order = rowid order): max(earlier ts) - delay
CREATE TABLE r AS SELECT *, max(ts) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    - INTERVAL 5 SECOND AS wm FROM t;
-- every hopping window of a row: starts every 30 s in (ts - 60 s, ts]
CREATE TABLE w AS SELECT r.*, ws AS window_start, ws + INTERVAL 60 SECOND AS window_end
FROM r, unnest(generate_series(time_bucket(INTERVAL 30 SECOND, ts) - INTERVAL 60 SECOND,
                               time_bucket(INTERVAL 30 SECOND, ts), INTERVAL 30 SECOND)) AS g(ws)
WHERE ws > ts - INTERVAL 60 SECOND;
-- a (row, window) pair counts unless the window ended at or before the row's watermark
SELECT sensor, window_start, window_end, COUNT(*) AS n, SUM(reading) AS total,
       MIN(reading) AS lo, MAX(reading) AS hi, AVG(reading) AS mean
FROM w WHERE wm IS NULL OR window_end > wm
GROUP BY sensor, window_start, window_end;
