-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true,
    columns = {'k': 'VARCHAR', 'v': 'BIGINT', 'ts': 'TIMESTAMP'});
-- the watermark in force before each row (file order = rowid order): max(earlier ts), no delay
CREATE TABLE r AS SELECT *, max(ts) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS wm FROM t;
-- a row counts unless its window's end + 30 s (the allowed lateness) is at or before wm
SELECT k, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start,
       time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE AS window_end, COUNT(*) AS n, SUM(v) AS total
FROM r WHERE wm IS NULL OR time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 90 SECOND > wm
GROUP BY ALL;
