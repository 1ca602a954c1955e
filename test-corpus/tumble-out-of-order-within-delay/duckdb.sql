-- DuckDB version of query.sql, run by DuckDbCrossCheckTest; ${dir} is this case's folder.

CREATE TABLE readings AS SELECT * FROM read_csv('${dir}/in.csv', header = true, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, columns = {'sensor': 'VARCHAR', 'reading': 'DOUBLE', 'ts': 'TIMESTAMP'});
SELECT sensor, window_start, window_end, COUNT(*) AS n, SUM(reading) AS total, MAX(reading) AS peak
FROM (SELECT *, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start,
             time_bucket(INTERVAL 1 MINUTE, ts) + INTERVAL 1 MINUTE AS window_end
      FROM readings)
GROUP BY sensor, window_start, window_end;
