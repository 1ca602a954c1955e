-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.
CREATE TABLE t AS SELECT * FROM read_csv('${dir}/in.csv', header = true, columns = {'user': 'VARCHAR', 'amount': 'BIGINT', 'ts': 'TIMESTAMP'});
-- sessions from the rows sorted by time per user: a row more than the gap after the previous one
-- starts a new session (a row exactly the gap after it stays in it, as Flink merges touching
-- sessions); a session is [first ts, last ts + gap)
CREATE TABLE o AS SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY "user" ORDER BY ts, rowid) <= INTERVAL 10 SECOND
    THEN 0 ELSE 1 END AS new_session FROM t;
CREATE TABLE s AS SELECT *, sum(new_session) OVER (PARTITION BY "user" ORDER BY ts, rowid ROWS UNBOUNDED PRECEDING) AS sid FROM o;
SELECT "user", min(ts) AS window_start, max(ts) + INTERVAL 10 SECOND AS window_end,
       COUNT(*) AS n, SUM(amount) AS total
FROM s GROUP BY "user", sid;
