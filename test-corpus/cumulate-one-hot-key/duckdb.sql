-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, columns = {'k': 'VARCHAR', 'v': 'DOUBLE', 'ts': 'TIMESTAMP'});
-- the watermark in force before each row (file order = rowid order): max(earlier ts) - delay
CREATE TABLE r AS SELECT *, max(ts) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    - INTERVAL 2 SECOND AS wm FROM t;
-- every cumulative window of a row: start = its 30 s bucket, ends every 5 s after that start
-- up to start + 30 s, those ending after ts
CREATE TABLE w AS SELECT r.*, time_bucket(INTERVAL 30 SECOND, ts) AS window_start, we AS window_end
FROM r, unnest(generate_series(time_bucket(INTERVAL 30 SECOND, ts) + INTERVAL 5 SECOND,
                               time_bucket(INTERVAL 30 SECOND, ts) + INTERVAL 30 SECOND,
                               INTERVAL 5 SECOND)) AS g(we)
WHERE we > ts;
-- a (row, window) pair counts unless the window ended at or before the row's watermark
SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi
FROM w WHERE wm IS NULL OR window_end > wm
GROUP BY k, window_start, window_end;
