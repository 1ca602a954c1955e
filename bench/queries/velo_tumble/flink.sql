CREATE TABLE `stream` (
  group_id BIGINT NOT NULL,
  `value`  DOUBLE NOT NULL,
  ts       TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${path}', 'format' = 'csv');
SELECT group_id, window_start, window_end, COUNT(*) AS cnt, SUM(`value`) AS total
FROM TABLE(TUMBLE(TABLE `stream`, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY group_id, window_start, window_end
