-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true,
    columns = {'k': 'VARCHAR', 'v': 'BIGINT', 'ts': 'TIMESTAMP'});
-- sessions per key over the rows sorted by time: more than 4 s after the previous row starts a new one
CREATE TABLE o AS SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY k ORDER BY ts, rowid) <= INTERVAL 4 SECOND
    THEN 0 ELSE 1 END AS new_session FROM t;
CREATE TABLE s AS SELECT *, sum(new_session) OVER (PARTITION BY k ORDER BY ts, rowid ROWS UNBOUNDED PRECEDING) AS sid FROM o;
SELECT k, min(ts) AS window_start, max(ts) + INTERVAL 4 SECOND AS window_end, COUNT(*) AS n, SUM(v) AS total
FROM s GROUP BY k, sid;
