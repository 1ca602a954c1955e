-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true,
    columns = {'k': 'VARCHAR', 'v': 'BIGINT', 'ts': 'TIMESTAMP'});
CREATE TABLE r AS SELECT *, max(ts) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    - INTERVAL 5 SECOND AS wm FROM t;
CREATE TABLE w AS SELECT r.*, ws AS window_start, ws + INTERVAL 20 SECOND AS window_end
FROM r, unnest(generate_series(time_bucket(INTERVAL 10 SECOND, ts) - INTERVAL 20 SECOND,
                               time_bucket(INTERVAL 10 SECOND, ts), INTERVAL 10 SECOND)) AS g(ws)
WHERE ws > ts - INTERVAL 20 SECOND;
SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
FROM w WHERE wm IS NULL OR window_end > wm
GROUP BY k, window_start, window_end
HAVING COUNT(*) >= 2 AND MAX(v) < 10;
