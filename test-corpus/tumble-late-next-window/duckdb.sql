-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true,
    columns = {'symbol': 'VARCHAR', 'qty': 'BIGINT', 'ts': 'TIMESTAMP'});
-- the watermark in force before each row (file order = rowid order): max(earlier ts) - 2 s
CREATE TABLE r AS SELECT *, max(ts) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    - INTERVAL 2 SECOND AS wm FROM t;
-- next-window: a row whose window ended at or before wm takes the time wm
CREATE TABLE e AS SELECT *, CASE WHEN wm IS NOT NULL AND time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE <= wm
    THEN wm ELSE ts END AS t2 FROM r;
SELECT symbol, time_bucket(INTERVAL 1 MINUTE, t2) AS window_start,
       time_bucket(INTERVAL 1 MINUTE, t2) + INTERVAL 1 MINUTE AS window_end, COUNT(*) AS n, SUM(qty) AS volume
FROM e GROUP BY ALL;
