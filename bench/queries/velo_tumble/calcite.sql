SELECT group_id, window_start, window_end, COUNT(*) AS cnt, SUM(`value`) AS total
FROM TABLE(TUMBLE(TABLE ${table}, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY group_id, window_start, window_end
