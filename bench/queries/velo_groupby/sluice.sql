-- Velostream workload: continuous GROUP BY group_id with COUNT and SUM (a changelog in Sluice).
CREATE TABLE stream (
  group_id BIGINT NOT NULL,
  value    DOUBLE NOT NULL,
  ts       TIMESTAMP(3) NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
);
SELECT group_id, COUNT(*) AS cnt, SUM(value) AS total FROM stream GROUP BY group_id
