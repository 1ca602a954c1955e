-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, columns = {'k': 'VARCHAR', 'v': 'DOUBLE', 'ts': 'TIMESTAMP'});
-- sessions from the rows sorted by time per key: a row more than the gap after the previous one
-- starts a new session (a row exactly the gap after it stays in it, as Flink merges touching
-- sessions); a session is [first ts, last ts + gap)
CREATE TABLE o AS SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY k ORDER BY ts, rowid) <= INTERVAL 5 SECOND
    THEN 0 ELSE 1 END AS new_session FROM t;
CREATE TABLE s AS SELECT *, sum(new_session) OVER (PARTITION BY k ORDER BY ts, rowid ROWS UNBOUNDED PRECEDING) AS sid FROM o;
SELECT k, min(ts) AS window_start, max(ts) + INTERVAL 5 SECOND AS window_end,
       COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi
FROM s GROUP BY k, sid;
