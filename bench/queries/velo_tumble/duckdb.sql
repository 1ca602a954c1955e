SELECT group_id, window_start, window_start + INTERVAL 1 MINUTE AS window_end, COUNT(*) AS cnt, SUM(value) AS total
FROM (SELECT *, time_bucket(INTERVAL 1 MINUTE, ts) AS window_start FROM ${source})
GROUP BY group_id, window_start
