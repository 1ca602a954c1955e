-- Velostream workload: pure SELECT with a filter (about half of the rows pass).
CREATE TABLE stream (
  group_id BIGINT NOT NULL,
  value    DOUBLE NOT NULL,
  ts       TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
);
SELECT group_id, value, ts FROM stream WHERE value > 500.0
